import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// deploy.sh's own health check of a loopback cluster, its functions run
/// unchanged (`DEPLOY_LIBRARY=1 . deploy.sh`): `has_leader_and_replicas`,
/// then `show_cluster` (or the `functions` a test names). deploy.sh reaches the nodes through zlogin; here
/// the nodes are this host, so a `zlogin` that runs the command in place
/// stands in for it. (Its `svcs` checks have no counterpart off illumos;
/// the tests check their daemons' processes.)
enum DeployHealthCheck {
    /// `generated`: the directory smfkit generated into; `scratch`: where
    /// the stand-in zlogin is written (and HOME for the script).
    static func run(generated: String, scratch: String,
                    functions: String = "has_leader_and_replicas && show_cluster") throws -> ProcessRun {
        let bin = scratch + "/bin"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        let zlogin = bin + "/zlogin"
        try "#!/bin/sh\n# zlogin ZONE COMMAND: the zones of this test are the host itself.\nshift\nexec /bin/sh -c \"$*\"\n"
            .write(toFile: zlogin, atomically: true, encoding: .utf8)
        chmod(zlogin, 0o755)
        return try Command.run("/bin/sh", ["-c", ". ./deploy.sh && " + functions],
                               environment: ["PATH": bin + ":" + Daemon.path, "DEPLOY_LIBRARY": "1", "HOME": scratch],
                               directory: generated, timeout: 60)
    }
}
