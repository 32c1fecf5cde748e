import Cluster
import Foundation
import SMF
import TestSupport

/// Whether this host can run the end-to-end test: root (daemons are started
/// as their own users), the Debian packages' binaries the loopback example
/// names, openssl and curl (TLS, issue 13), and their system accounts.
enum E2EPrerequisites {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // EndToEnd
        .deletingLastPathComponent()  // SmfkitTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()
    static let example = packageRoot.appending(path: "Examples/loopback-patroni.yaml").path
    static let smfkit = Smfkit.binary.path
    static let psql = "/usr/bin/psql"
    static let setpriv = "/usr/bin/setpriv"
    /// procps's pkill: the generated stop and refresh methods signal the contract with it.
    static let pkill = "/usr/bin/pkill"
    /// Runs the generated certificate script and makes the refusal tests' foreign CA.
    static let openssl = "/usr/bin/openssl"

    /// `.ci/run` runs under CI=true: there a missing daemon is a failure, not a skip.
    static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

    static let missing: [String] = {
        var missing: [String] = []
        if geteuid() != 0 { missing.append("root privileges (the daemons run as their own users)") }
        guard let definition = try? DefinitionLoader.load(path: example).loaded?.definition else {
            return missing + ["a loadable \(example)"]
        }
        let paths = definition.paths
        for executable in [paths.etcd, paths.etcdctl, paths.patroni, paths.haproxy, paths.postgresBin + "/postgres", psql, setpriv,
                           pkill, openssl, LoopbackHTTP.curl]
        where !FileManager.default.isExecutableFile(atPath: executable) {
            missing.append(executable)
        }
        for user in [definition.users.etcd.name, definition.users.postgres.name, definition.users.haproxy.name]
        where Accounts.user(user) == nil {
            missing.append("user \(user)")
        }
        return missing
    }()

    static var available: Bool { missing.isEmpty }
    static var shouldRun: Bool { available || isCI }
}
