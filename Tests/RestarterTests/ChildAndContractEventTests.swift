#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Restarter
import Testing

/// Child (wait-style) services and contract events: wait.c `wait_remove`,
/// restarter.c `stop_instance` for `RSTOP_ERR_EXIT`/`RSTOP_ERR_CFG`, and
/// `startd/ignore_error` masking `CT_PR_EV_SIGNAL` (method.c
/// `method_ready_contract`).
@Suite(.serialized) struct ChildAndContractEventTests {
    /// A child service exiting with an error is restarted, never put in
    /// maintenance by the start rate (`!instance_is_wait_style(inst)`), and
    /// throttled when failing faster than `RINST_WT_SVC_FAILURE_RATE_NS`.
    @Test func failingChildServiceIsThrottledNotMaintained() throws {
        let restarter = try RunningRestarter(timeScale: 0.2) { path in
            [TestService(name: "site/crashy", start: "sh -c 'echo start >> \(path("starts")); exit 1'", duration: "child")]
        }
        defer { #expect(restarter.stop().isEmpty) }
        try waitUntil("eight starts", timeout: 20) { restarter.lines("starts").count >= 8 }
        #expect(try restarter.status("svc:/site/crashy:default").state != .maintenance)
        let log = restarter.log("svc:/site/crashy:default")
        #expect(log.contains("Stopping because service exited with an error."))
        #expect(log.contains("Failing too quickly, throttling."))
    }

    /// A child service exiting `SMF_EXIT_ERR_CONFIG` goes to maintenance (`RSTOP_ERR_CFG`).
    @Test func childServiceExitingWithAConfigurationErrorGoesToMaintenance() throws {
        let restarter = try RunningRestarter { _ in
            [TestService(name: "site/misconfigured", start: "sh -c 'sleep 0.2; exit 96'", duration: "child")]
        }
        defer { #expect(restarter.stop().isEmpty) }
        let status = try restarter.wait("svc:/site/misconfigured:default", .maintenance)
        #expect(status.explanation == "Service exited with $SMF_EXIT_ERR_CONFIG.")
        #expect(restarter.log("svc:/site/misconfigured:default").contains(
            "Stopping because service exited with a configuration error."))
    }

    /// A contract member that dumps core stops the instance as a fault
    /// (restarter.c `stop_instance`: `case RSTOP_CORE: … "process dumped
    /// core"`), so a `restart_on="error"` dependent is restarted too. The
    /// daemon raises its own core limit and dumps in a directory of its
    /// own; skipped where the kernel does not write a plain core file.
    @Test(.enabled(if: ChildAndContractEventTests.coreFilesAreWritten, "core_pattern is not a plain file name here"))
    func coreDumpIsAFault() throws {
        let restarter = try RunningRestarter { path in
            [
                TestService(
                    name: "site/crasher",
                    start: "sh -c 'cd \(path("")) && ulimit -c unlimited && sleep 0.5 && kill -SEGV $$' &"),
                TestService(
                    name: "site/app", start: "sh -c 'echo start >> \(path("app-starts")); exec sleep 1103'",
                    duration: "child", dependencies: [("crasher", "require_all", "error", ["svc:/site/crasher"])]),
            ]
        }
        defer { #expect(restarter.stop().isEmpty) }
        try restarter.wait("svc:/site/app:default", .online)
        try waitUntil("the crasher's core dump stops it", timeout: 10) {
            restarter.log("svc:/site/crasher:default").contains("Stopping because process dumped core.")
        }
        try waitUntil("app restarted after the fault", timeout: 10) { restarter.lines("app-starts").count >= 2 }
        #expect(restarter.log("svc:/site/app:default").contains("Stopping because dependency activity requires stop."))
    }

    /// The kernel writes `core` files in the process's directory
    /// (`/proc/sys/kernel/core_pattern` holds a file name, not a pipe).
    static let coreFilesAreWritten: Bool = {
        let pattern = (try? String(contentsOfFile: "/proc/sys/kernel/core_pattern", encoding: .utf8)) ?? "|"
        return !pattern.hasPrefix("|")
    }()

    /// With `startd/ignore_error=signal` a daemon killed by a signal is no
    /// fault: the contract merely empties (`RSTOP_EXIT`, a restart), so a
    /// `restart_on="error"` dependent keeps running.
    @Test func ignoredSignalIsNotAFault() throws {
        let restarter = try RunningRestarter { path in
            [
                TestService(name: "site/db", start: "sleep 1101 &", startd: ["ignore_error": "core,signal"]),
                TestService(
                    name: "site/app", start: "sh -c 'echo start >> \(path("app-starts")); exec sleep 1102'",
                    duration: "child", dependencies: [("db", "require_all", "error", ["svc:/site/db"])]),
            ]
        }
        defer { #expect(restarter.stop().isEmpty) }
        let db = try restarter.wait("svc:/site/db:default", .online)
        try restarter.wait("svc:/site/app:default", .online)
        kill(try #require(db.processes.first), SIGKILL)
        try waitUntil("db to restart", timeout: 10) {
            restarter.log("svc:/site/db:default").contains("Stopping because all processes in service exited.")
        }
        try restarter.wait("svc:/site/db:default", .online)
        usleep(500_000)
        #expect(restarter.lines("app-starts").count == 1)
    }

    /// A child service killed by a signal has merely exited: contract
    /// events are ignored for wait-style services (`contract_action`), so it
    /// is `RSTOP_EXIT` — restarted, and no fault for `restart_on="error"`.
    @Test func killedChildServiceIsRestartedWithoutAFault() throws {
        let restarter = try RunningRestarter { path in
            [
                TestService(name: "site/worker", start: "sleep 1121", duration: "child"),
                TestService(
                    name: "site/app", start: "sh -c 'echo start >> \(path("app-starts")); exec sleep 1122'",
                    duration: "child", dependencies: [("worker", "require_all", "error", ["svc:/site/worker"])]),
            ]
        }
        defer { #expect(restarter.stop().isEmpty) }
        let worker = try restarter.wait("svc:/site/worker:default", .online)
        try restarter.wait("svc:/site/app:default", .online)
        kill(try #require(worker.processes.first), SIGKILL)
        try waitUntil("the worker to run again", timeout: 10) {
            let now = try? restarter.status("svc:/site/worker:default")
            return now?.state == .online && now?.processes.first != worker.processes.first && now?.processes.isEmpty == false
        }
        #expect(restarter.log("svc:/site/worker:default").contains("Stopping because all processes in service exited."))
        usleep(500_000)
        #expect(restarter.lines("app-starts").count == 1)
    }

    /// `method_credential`: the method runs as that user and group (here
    /// through setpriv, which needs root).
    @Test(.enabled(if: getuid() == 0, "methods run as another user only when smfkit run is root"))
    func methodRunsAsItsCredentialUser() throws {
        let restarter = try RunningRestarter { _ in
            [TestService(
                name: "site/unprivileged", start: "sh -c 'echo \"I am $(id -un):$(id -gn)\"'", stop: nil,
                duration: "transient", workingDirectory: "/", credential: ("nobody", "nogroup"))]
        }
        defer { #expect(restarter.stop().isEmpty) }
        try restarter.wait("svc:/site/unprivileged:default", .online)
        #expect(restarter.log("svc:/site/unprivileged:default").contains("I am nobody:nogroup"))
    }
}
