import Foundation
import Restarter
import Testing

/// Methods as method.c runs them: `/bin/sh -c "exec METHOD"` with tokens
/// expanded (expand.c), the method context applied, the SMF_* variables
/// set (env.c), `:kill` and `:true` (`restarter_is_kill_method`,
/// `restarter_is_null_method`).
@Suite(.serialized) struct MethodTests {
    @Test func methodRunsInItsContextWithTheSMFVariables() throws {
        let restarter = try RunningRestarter { path in
            [TestService(
                name: "site/context",
                start: "echo \"$SMF_FMRI $SMF_METHOD $SMF_RESTARTER $PWD $(umask) $GREETING\" %{config/word} %i > \(path("context"))",
                stop: nil, duration: "transient", config: ["word": "two words"], workingDirectory: "/tmp", umask: "027",
                environment: ["GREETING": "hello"])]
        }
        defer { #expect(restarter.stop().isEmpty) }
        try restarter.wait("svc:/site/context:default", .online)
        #expect(restarter.lines("context") == [
            "svc:/site/context:default start svc:/system/svc/restarter:default /tmp 0027 hello two words default",
        ])
        #expect(restarter.log("svc:/site/context:default").contains(
            #"Executing start method ("echo "$SMF_FMRI"#))
    }

    /// `:kill` signals every process of the contract, not only the first.
    @Test func killSignalsTheWholeGroup() throws {
        let restarter = try RunningRestarter { _ in
            [TestService(name: "site/pair", start: "sleep 1061 & sleep 1062 &", stop: ":kill")]
        }
        defer { #expect(restarter.stop().isEmpty) }
        let online = try restarter.wait("svc:/site/pair:default", .online)
        try waitUntil("both daemons", timeout: 5) { (try? restarter.status("svc:/site/pair:default").processes.count) == 2 }
        let daemons = try restarter.status("svc:/site/pair:default").processes
        #expect(online.contract != nil)
        let disabled = try restarter.smfkit(["svcadm", "disable", "--state", restarter.state, "-s", "-T", "10", "site/pair"])
        #expect(disabled.succeeded, "\(disabled.stderr)")
        #expect(daemons.allSatisfy { kill($0, 0) != 0 })
        #expect(restarter.log("svc:/site/pair:default").contains("Executing stop method (:kill)."))
    }

    /// `:kill -SIG` sends the named signal, not SIGTERM, to the contract
    /// (method.c `method_run`: `sig = restarter_is_kill_method(method)`,
    /// then `contract_kill(inst->ri_i.i_primary_ctid, sig, …)`). The daemon
    /// records SIGHUP and exits; SIGTERM would kill it without a word.
    @Test func killWithANamedSignalSendsThatSignal() throws {
        let restarter = try RunningRestarter { path in
            [TestService(
                name: "site/hup",
                start: "sh -c 'trap \"echo hup >> \(path("signals")); exit 0\" HUP; while :; do sleep 0.1; done' &",
                stop: ":kill -HUP")]
        }
        defer { #expect(restarter.stop().isEmpty) }
        try restarter.wait("svc:/site/hup:default", .online)
        let disabled = try restarter.smfkit(["svcadm", "disable", "--state", restarter.state, "-s", "-T", "10", "site/hup"])
        #expect(disabled.succeeded, "\(disabled.stderr)")
        #expect(restarter.lines("signals") == ["hup"])
        #expect(restarter.log("svc:/site/hup:default").contains("Executing stop method (:kill)."))
    }

    /// A transient service has no contract to kill: `:kill` as its stop
    /// method is an error (method.c: "Invalid use of \":kill\" as stop
    /// method for transient service.") and the instance goes to maintenance.
    @Test func killWithoutAContractIsAnError() throws {
        let restarter = try RunningRestarter { _ in
            [TestService(name: "site/once", start: ":true", stop: ":kill", duration: "transient")]
        }
        defer { #expect(restarter.stop().isEmpty) }
        try restarter.wait("svc:/site/once:default", .online)
        let disabled = try restarter.smfkit(["svcadm", "disable", "--state", restarter.state, "site/once"])
        #expect(disabled.succeeded, "\(disabled.stderr)")
        try restarter.wait("svc:/site/once:default", .maintenance)
        #expect(restarter.log("svc:/site/once:default").contains(
            "Invalid use of \":kill\" as stop method for transient service."))
    }

    /// A contract service started by `:true` has no primary contract, so its
    /// stop method is not run (method.c `method_run`: `if
    /// (inst->ri_i.i_primary_ctid == 0) { /* service is not running,
    /// nothing to stop */ … return (0);`); the disable still completes.
    @Test func stopWithoutAContractRunsNothing() throws {
        let restarter = try RunningRestarter { path in
            [TestService(name: "site/marker", start: ":true", stop: "sh -c 'echo ran >> \(path("stops"))'")]
        }
        defer { #expect(restarter.stop().isEmpty) }
        let online = try restarter.wait("svc:/site/marker:default", .online)
        #expect(online.contract == nil)
        let disabled = try restarter.smfkit(["svcadm", "disable", "--state", restarter.state, "-s", "-T", "10", "site/marker"])
        #expect(disabled.succeeded, "\(disabled.stderr)")
        #expect(restarter.lines("stops").isEmpty)
        #expect(!restarter.log("svc:/site/marker:default").contains("Executing stop method"))
    }

    /// The `restarter` property group svc.startd keeps on an instance:
    /// `%{restarter/contract}` names the primary contract (here its process
    /// group), which a stop method may signal; svcprop shows the group.
    @Test func stopMethodReadsTheContractFromTheRestarterGroup() throws {
        let restarter = try RunningRestarter { _ in
            [TestService(name: "site/pid", start: "sleep 1065 &", stop: "kill -TERM -- -%{restarter/contract}")]
        }
        defer { #expect(restarter.stop().isEmpty) }
        let online = try restarter.wait("svc:/site/pid:default", .online)
        let contract = try #require(online.contract)
        let properties = try restarter.smfkit(["svcprop", "--state", restarter.state, "site/pid"])
        #expect(properties.stdout.contains("restarter/contract count \(contract)\n"))
        #expect(properties.stdout.contains("restarter/state astring online\n"))
        let disabled = try restarter.smfkit(["svcadm", "disable", "--state", restarter.state, "-s", "-T", "10", "site/pid"])
        #expect(disabled.succeeded, "\(disabled.stderr)")
        #expect(restarter.log("svc:/site/pid:default").contains("Executing stop method (\"kill -TERM -- -\(contract)\")."))
    }

    /// `:true` succeeds without running anything; a start method exiting
    /// `SMF_EXIT_ERR_FATAL` is not retried.
    @Test func nullMethodAndFatalExit() throws {
        let restarter = try RunningRestarter { path in
            [
                TestService(name: "site/nothing", start: ":true", stop: ":true", duration: "transient"),
                TestService(name: "site/fatal", start: "sh -c 'echo try >> \(path("tries")); exit 95'"),
            ]
        }
        defer { #expect(restarter.stop().isEmpty) }
        try restarter.wait("svc:/site/nothing:default", .online)
        #expect(restarter.log("svc:/site/nothing:default").contains("Executing start method (null)."))
        let fatal = try restarter.wait("svc:/site/fatal:default", .maintenance)
        #expect(fatal.reason == "method_failed")
        #expect(restarter.lines("tries").count == 1)
    }

    /// A start method failing with an ordinary status is retried up to the
    /// fault threshold, then maintenance (`fault_threshold_reached`).
    @Test func retryableFailureReachesTheFaultThreshold() throws {
        let restarter = try RunningRestarter { path in
            [TestService(name: "site/flaky", start: "sh -c 'echo try >> \(path("tries")); exit 1'")]
        }
        defer { #expect(restarter.stop().isEmpty) }
        let status = try restarter.wait("svc:/site/flaky:default", .maintenance)
        #expect(status.reason == "fault_threshold_reached")
        #expect(status.explanation == "Start method failed repeatedly, last exited with status 1.")
        #expect(restarter.lines("tries").count == 3)
    }
}
