import Foundation
import TestSupport
import Testing

/// deploy.sh's storage phase, run by /bin/sh against the recording
/// stand-ins of `zfs`, `zonecfg`, `zoneadm` and `zlogin` (IllumosShims/):
/// each node's dataset made once with PostgreSQL's properties, attached to
/// its zone once (lofs or delegated), the zone rebooted once, all before
/// any account or daemon; nothing recreated on a second run.
@Suite struct DeployStorageTests {
    typealias Site = DeployScriptTests.Site

    static let lofs = "\nstorage:\n  dataset: tank/pgha\n"
    static let delegated = "\nstorage:\n  dataset: tank/pgha\n  attach: delegate\n  recordsize: 16k\n"

    @Test func lofsDatasetsAreMadeAndMountedBeforeAnyAccount() throws {
        let site = try Site(definitionExtra: Self.lofs)
        defer { site.remove() }
        let (run, calls) = try site.deploy()
        #expect(run.succeeded, "deploy.sh failed: \(run.stderr)")
        let firstAccount = try #require(DeployScriptTests.first("getent", in: calls))
        for node in ["node1", "node2", "node3"] {
            let create = try #require(calls.firstIndex(of:
                "zfs create -p -o recordsize=32k -o compression=lz4 -o logbias=latency -o atime=off tank/pgha/\(node)"))
            let mount = try #require(calls.firstIndex(of: "zonecfg -z \(node) add fs; set dir=/var/pgha/postgres; "
                + "set special=/tank/pgha/\(node); set type=lofs; add options [nodevices]; end"))
            let reboot = try #require(calls.firstIndex(of: "zoneadm -z \(node) reboot"))
            let owned = try #require(calls.firstIndex(of:
                "zlogin \(node) chown 11799:11799 /var/pgha/postgres && chmod 0700 /var/pgha/postgres"))
            #expect(create < mount && mount < reboot && reboot < owned && owned < firstAccount)
        }
        #expect(!calls.contains { $0.contains("zonecfg") && $0.contains("add dataset") })
    }

    @Test func aSecondRunRecreatesNothingAndRebootsNoZone() throws {
        let site = try Site(definitionExtra: Self.lofs)
        defer { site.remove() }
        #expect(try site.deploy().run.succeeded)
        let (run, calls) = try site.deploy()
        #expect(run.succeeded, "deploy.sh failed: \(run.stderr)")
        #expect(calls.contains("zfs list -H -o name tank/pgha/node1"))
        #expect(!calls.contains { $0.hasPrefix("zfs create") })
        #expect(!calls.contains { $0.contains("zonecfg") && $0.contains(" add ") })
        #expect(!calls.contains { $0.hasSuffix(" reboot") })
        #expect(run.stdout.contains("deploy: ZFS dataset tank/pgha/node2 exists; left as it is"))
    }

    @Test func aDatasetMadeBeforeIsUsedAsItIs() throws {
        let site = try Site(definitionExtra: Self.lofs)
        defer { site.remove() }
        let (run, calls) = try site.deploy(["SHIM_DATASETS": "tank/pgha/node2"])
        #expect(run.succeeded, "deploy.sh failed: \(run.stderr)")
        #expect(!calls.contains { $0.hasPrefix("zfs create") && $0.hasSuffix("tank/pgha/node2") })
        #expect(calls.contains { $0.hasPrefix("zfs create") && $0.hasSuffix("tank/pgha/node1") })
        #expect(calls.contains { $0.hasPrefix("zonecfg -z node2 add fs") && $0.contains("set special=/tank/pgha/node2") })
    }

    @Test(arguments: [lofs, delegated])
    func dataAlreadyInTheZoneIsNeverHiddenByAMount(storage: String) throws {
        let site = try Site(definitionExtra: storage)
        defer { site.remove() }
        let (run, calls) = try site.deploy(["SHIM_PGDATA_FILES": "node2"])
        #expect(!run.succeeded)
        #expect(run.stderr.contains("/var/pgha/postgres in zone node2 already holds data, which mounting "
            + "tank/pgha/node2 there would hide"))
        #expect(!calls.contains { $0.hasPrefix("zonecfg -z node2 add") })
        #expect(!calls.contains { $0.contains("getent") })
    }

    @Test func delegatedDatasetsAreZonedAndMountInsideTheZone() throws {
        let site = try Site(definitionExtra: Self.delegated)
        defer { site.remove() }
        let (run, calls) = try site.deploy()
        #expect(run.succeeded, "deploy.sh failed: \(run.stderr)")
        for node in ["node1", "node2", "node3"] {
            #expect(calls.contains("zfs create -p -o zoned=on -o mountpoint=/var/pgha/postgres -o recordsize=16k "
                + "-o compression=lz4 -o logbias=latency -o atime=off tank/pgha/\(node)"))
            #expect(calls.contains("zonecfg -z \(node) add dataset; set name=tank/pgha/\(node); end"))
            #expect(calls.contains("zoneadm -z \(node) reboot"))
        }
        #expect(!calls.contains { $0.contains("add fs") })
        let again = try site.deploy()
        #expect(again.run.succeeded)
        #expect(!again.calls.contains { $0.hasPrefix("zfs create") || $0.hasSuffix(" reboot") || $0.contains(" add ") })
    }

    @Test(arguments: [lofs, delegated])
    func theStoragePhasePassesShellcheck(storage: String) throws {
        guard let shellcheck = findExecutable("shellcheck") else {
            #expect(!CI.isRunning, "shellcheck is not installed")
            return
        }
        let site = try Site(definitionExtra: storage)
        defer { site.remove() }
        let script = try String(contentsOfFile: site.output + "/deploy.sh", encoding: .utf8)
        #expect(script.contains("ensure_storage node1 tank/pgha/node1"))
        let run = try runProcess(shellcheck, ["--shell=sh", "--severity=style", site.output + "/deploy.sh"])
        #expect(run.succeeded, "\((run.stdout + run.stderr))")
    }

    @Test func withoutADatasetNoStorageCommandRuns() throws {
        let site = try Site()
        defer { site.remove() }
        let (run, calls) = try site.deploy()
        #expect(run.succeeded, "deploy.sh failed: \(run.stderr)")
        #expect(!calls.contains { $0.hasPrefix("zfs ") || $0.hasPrefix("zonecfg ") || $0.contains("reboot") })
        #expect(run.stdout.contains("no storage.dataset in the cluster definition"))
    }
}
