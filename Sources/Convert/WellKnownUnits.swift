/// systemd units whose illumos counterpart is a milestone or a service
/// every illumos system has (docs/convert.md lists them).
enum WellKnownUnits {
    enum Counterpart: Equatable {
        case service(String)
        /// What SMF does anyway: the shutdown targets (svc.startd stops
        /// every service at shutdown), the unit-type targets and slices.
        case implicit
    }

    static let table: [String: Counterpart] = [
        "network.target": .service("svc:/milestone/network:default"),
        "network-online.target": .service("svc:/milestone/network:default"),
        "network-pre.target": .service("svc:/network/physical:default"),
        "local-fs.target": .service("svc:/system/filesystem/local"),
        "local-fs-pre.target": .service("svc:/system/filesystem/root"),
        "remote-fs.target": .service("svc:/network/nfs/client"),
        "multi-user.target": .service("svc:/milestone/multi-user"),
        "graphical.target": .service("svc:/milestone/multi-user-server"),
        "time-sync.target": .service("svc:/network/ntp"),
        "time-set.target": .service("svc:/network/ntp"),
        "nss-lookup.target": .service("svc:/milestone/name-services"),
        "nss-user-lookup.target": .service("svc:/milestone/name-services"),
        "syslog.target": .service("svc:/system/system-log"),
        "syslog.service": .service("svc:/system/system-log"),
        "rsyslog.service": .service("svc:/system/system-log"),
        "syslog.socket": .service("svc:/system/system-log"),
        "rpcbind.target": .service("svc:/network/rpc/bind"),
        "rpcbind.service": .service("svc:/network/rpc/bind"),
        "cron.service": .service("svc:/system/cron"),
        "sshd.service": .service("svc:/network/ssh"),
        "ssh.service": .service("svc:/network/ssh"),
        "dbus.service": .service("svc:/system/dbus"),
        "dbus.socket": .service("svc:/system/dbus"),
        "sysinit.target": .service("svc:/milestone/single-user"),
        "basic.target": .service("svc:/system/filesystem/local"),
        "shutdown.target": .implicit,
        "final.target": .implicit,
        "umount.target": .implicit,
        "reboot.target": .implicit,
        "halt.target": .implicit,
        "poweroff.target": .implicit,
        "sockets.target": .implicit,
        "paths.target": .implicit,
        "timers.target": .implicit,
        "slices.target": .implicit,
        "system.slice": .implicit,
        "-.slice": .implicit,
        "-.mount": .implicit,
    ]
}
