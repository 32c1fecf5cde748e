import Foundation
import Restarter
import Testing

/// The five-starts-in-600-seconds rule: method.c `method_record_start` and
/// `method_rate_critical` with `RINST_START_TIMES` (5) and
/// `RINST_FAILURE_RATE_NS` (600 s) from startd.h.
@Suite(.serialized) struct StartRateTests {
    /// A contract service whose processes all exit at once is stopped
    /// ("all processes in service exited") and started again; the fifth
    /// start is refused ("Restarting too quickly") and the instance goes to
    /// maintenance — so its start method ran four times.
    @Test func serviceThatExitsAtOnceReachesMaintenanceAfterFiveStarts() throws {
        let restarter = try RunningRestarter { path in
            [TestService(name: "site/flap", start: "echo started >> \(path("starts"))")]
        }
        defer { #expect(restarter.stop().isEmpty) }
        let status = try restarter.wait("svc:/site/flap:default", .maintenance)
        #expect(status.reason == "restarting_too_quickly")
        #expect(restarter.lines("starts").count == 4)
        let log = restarter.log("svc:/site/flap:default")
        #expect(log.components(separatedBy: "Stopping because all processes in service exited.").count - 1 == 4)
        #expect(log.contains("Restarting too quickly, changing state to maintenance."))
    }

    /// The window is what makes it critical: shrunk (--time-scale) below
    /// the interval between restarts, the same service keeps restarting.
    @Test func startsSlowerThanTheWindowKeepRestarting() throws {
        let restarter = try RunningRestarter(timeScale: 0.000_001) { path in
            [TestService(name: "site/flap", start: "echo started >> \(path("starts"))")]
        }
        defer { #expect(restarter.stop().isEmpty) }
        try waitUntil("eight starts", timeout: 20) { restarter.lines("starts").count >= 8 }
        #expect(try restarter.status("svc:/site/flap:default").state != .maintenance)
    }
}
