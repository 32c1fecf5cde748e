import Foundation
import Restarter
import Testing

/// Method timeouts: restarter.c's timeout thread kills the contract of a
/// method that overruns `timeout_seconds`; method.c `method_run` returns
/// `ERANGE` when `startd/timeout_retry` is false, and `method_thread` puts
/// the instance in maintenance.
@Suite(.serialized) struct MethodTimeoutTests {
    @Test func hangingStopMethodIsKilledAtItsTimeoutAndTheInstanceGoesToMaintenance() throws {
        let restarter = try RunningRestarter { _ in
            [TestService(
                name: "site/stubborn", start: "sleep 1011 &", stop: "sleep 1012", stopTimeout: 1,
                startd: ["timeout_retry": "false"])]
        }
        defer { #expect(restarter.stop().isEmpty) }
        let fmri = "svc:/site/stubborn:default"
        let online = try restarter.wait(fmri, .online)
        let daemons = online.processes
        #expect(daemons.count == 1)
        let disabled = try restarter.smfkit(["svcadm", "disable", "--state", restarter.state, "stubborn"])
        #expect(disabled.succeeded, "\(disabled.stderr)")
        let status = try restarter.wait(fmri, .maintenance, timeout: 10)
        #expect(status.reason == "method_failed")
        #expect(status.explanation == "Stop method timed out.")
        let log = restarter.log(fmri)
        #expect(log.contains("Executing stop method (\"sleep 1012\")."))
        #expect(log.contains("Method or service exit timed out.  Killing contract"))
        // The daemon went with its contract.
        try waitUntil("the daemon to be gone", timeout: 5) { daemons.allSatisfy { kill($0, 0) != 0 } }
    }

    /// With the default `timeout_retry` (true) a timed-out method is retried
    /// until the fault threshold, then maintenance (fault_threshold_reached).
    @Test func timedOutStartMethodIsRetriedThenMaintenance() throws {
        let restarter = try RunningRestarter { path in
            [TestService(name: "site/slow", start: "sh -c 'echo try >> \(path("tries")); sleep 1013'", startTimeout: 1)]
        }
        defer { #expect(restarter.stop().isEmpty) }
        let status = try restarter.wait("svc:/site/slow:default", .maintenance, timeout: 15)
        #expect(status.reason == "fault_threshold_reached")
        #expect(restarter.lines("tries").count == 3)
    }
}
