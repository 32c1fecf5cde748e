import Foundation
import Restarter
import Testing

/// Dependency evaluation (graph.c `require_all_satisfied`,
/// `exclude_all_satisfied`, `dependency_satisfied`) and propagation
/// (`propagate_start`, `propagate_stop`) on real processes.
@Suite(.serialized) struct DependencyTests {
    /// `require_all` on a disabled instance waits; enabling it starts the
    /// dependent. An `exclude_all` dependent is stopped when the excluded
    /// instance comes online, and stays offline.
    /// An administrator's disable stops the dependents it leaves
    /// unsatisfiable first, then the instance (graph.c
    /// `graph_enable_by_vertex`: "we are offlining the dependents first").
    /// Each stop method writes its name, then empties its contract: the
    /// order in the file is the order of the stops.
    @Test func administrativeDisableStopsDependentsFirst() throws {
        let restarter = try RunningRestarter { path in
            [
                TestService(
                    name: "site/lower", start: "sleep 1026 &",
                    stop: "sh -c 'sleep 0.3; echo lower >> \(path("stops")); kill -TERM -%{restarter/contract}'"),
                TestService(
                    name: "site/upper", start: "sleep 1027 &",
                    stop: "sh -c 'sleep 0.3; echo upper >> \(path("stops")); kill -TERM -%{restarter/contract}'",
                    dependencies: [("lower", "require_all", "none", ["svc:/site/lower"])]),
            ]
        }
        defer { #expect(restarter.stop().isEmpty) }
        try restarter.wait("svc:/site/upper:default", .online)
        let disabled = try restarter.smfkit(["svcadm", "disable", "--state", restarter.state, "-s", "-T", "10", "site/lower"])
        #expect(disabled.succeeded, "\(disabled.stderr)")
        #expect(restarter.lines("stops") == ["upper", "lower"])
        let upper = try restarter.wait("svc:/site/upper:default", .offline)
        #expect(upper.explanation == "Dependency svc:/site/lower:default (require_all 'lower') is disabled.")
    }

    @Test func requireAllWaitsAndExcludeAllRefuses() throws {
        let restarter = try RunningRestarter { _ in
            [
                TestService(name: "site/base", enabled: false, start: "sleep 1021 &"),
                TestService(
                    name: "site/needs", start: "sleep 1022 &",
                    dependencies: [("base", "require_all", "none", ["svc:/site/base"])]),
                TestService(
                    name: "site/rival", start: "sleep 1023 &",
                    dependencies: [("no-base", "exclude_all", "none", ["svc:/site/base:default"])]),
            ]
        }
        defer { #expect(restarter.stop().isEmpty) }
        try restarter.wait("svc:/site/rival:default", .online)
        let waiting = try restarter.wait("svc:/site/needs:default", .offline)
        #expect(waiting.processes.isEmpty)
        #expect(waiting.explanation == "Dependency svc:/site/base:default (require_all 'base') is disabled.")

        let enabled = try restarter.smfkit(["svcadm", "enable", "--state", restarter.state, "-s", "-T", "10", "site/base"])
        #expect(enabled.succeeded, "\(enabled.stderr)")
        try restarter.wait("svc:/site/needs:default", .online)
        let refused = try restarter.wait("svc:/site/rival:default", .offline)
        #expect(refused.explanation?.contains("Service svc:/site/base:default is running") == true)
        #expect(restarter.log("svc:/site/rival:default").contains("Stopping because dependency activity requires stop."))
    }

    /// `restart_on="error"`: a fault of the dependency (its daemon killed
    /// by a signal from outside, `CT_PR_EV_SIGNAL` → `RERR_FAULT`) restarts
    /// the dependent; `svcadm restart` (`RERR_RESTART`) does not, since
    /// propagate_stop stops only when `err <= restart_on`.
    @Test func restartOnErrorRestartsDependentsOnACrashButNotOnACleanRestart() throws {
        let restarter = try RunningRestarter { path in
            [
                TestService(name: "site/db", start: "sleep 1031 &"),
                TestService(
                    name: "site/app", start: "sh -c 'echo start >> \(path("app-starts")); exec sleep 1032'",
                    duration: "child", dependencies: [("db", "require_all", "error", ["svc:/site/db"])]),
            ]
        }
        defer { #expect(restarter.stop().isEmpty) }
        let db = try restarter.wait("svc:/site/db:default", .online)
        try restarter.wait("svc:/site/app:default", .online)
        #expect(restarter.lines("app-starts").count == 1)

        let daemon = try #require(db.processes.first)
        kill(daemon, SIGKILL)
        try waitUntil("app to start again", timeout: 10) { restarter.lines("app-starts").count == 2 }
        try restarter.wait("svc:/site/app:default", .online)
        #expect(restarter.log("svc:/site/db:default").contains(
            "Stopping because process received fatal signal from outside the service."))

        let restart = try restarter.smfkit(["svcadm", "restart", "--state", restarter.state, "site/db"])
        #expect(restart.succeeded, "\(restart.stderr)")
        try waitUntil("db to restart", timeout: 10) {
            restarter.log("svc:/site/db:default").contains("Stopping because service restarting.")
        }
        let again = try restarter.wait("svc:/site/db:default", .online)
        #expect(again.processes != db.processes)
        // A negative: give the graph a few ticks to (wrongly) react.
        usleep(500_000)
        #expect(restarter.lines("app-starts").count == 2)
        #expect(try restarter.status("svc:/site/app:default").state == .online)
    }

    /// `file://` dependencies: a present file satisfies `require_all` and
    /// makes `exclude_all` unsatisfiable (`file_ready`).
    @Test func pathDependencies() throws {
        let restarter = try RunningRestarter { path in
            #expect(FileManager.default.createFile(atPath: path("flag"), contents: nil))
            return [
                TestService(
                    name: "site/with-flag", start: "sleep 1041 &",
                    dependencies: [("flag", "require_all", "none", ["file://localhost\(path("flag"))"])]),
                TestService(
                    name: "site/without-flag", start: "sleep 1042 &",
                    dependencies: [("no-flag", "exclude_all", "none", ["file://localhost\(path("flag"))"])]),
                TestService(
                    name: "site/missing", start: "sleep 1043 &",
                    dependencies: [("gone", "require_all", "none", ["file://localhost\(path("absent"))"])]),
            ]
        }
        defer { #expect(restarter.stop().isEmpty) }
        try restarter.wait("svc:/site/with-flag:default", .online)
        usleep(300_000)
        #expect(try restarter.status("svc:/site/without-flag:default").state == .offline)
        let missing = try restarter.status("svc:/site/missing:default")
        #expect(missing.state == .offline)
        #expect(missing.explanation?.hasSuffix("is absent.") == true)
    }

    /// `require_any` is satisfied by one online element; `optional_all`
    /// does not wait for a disabled one.
    @Test func requireAnyAndOptionalAllOnRealProcesses() throws {
        let restarter = try RunningRestarter { _ in
            [
                TestService(name: "site/off", enabled: false, start: "sleep 1046 &"),
                TestService(name: "site/on", start: "sleep 1047 &"),
                TestService(
                    name: "site/either", start: "sleep 1048 &",
                    dependencies: [("one", "require_any", "none", ["svc:/site/off:default", "svc:/site/on:default"])]),
                TestService(
                    name: "site/optional", start: "sleep 1049 &",
                    dependencies: [("maybe", "optional_all", "none", ["svc:/site/off:default"])]),
                TestService(
                    name: "site/strict", start: "sleep 1050 &",
                    dependencies: [("must", "require_any", "none", ["svc:/site/off:default"])]),
            ]
        }
        defer { #expect(restarter.stop().isEmpty) }
        try restarter.wait("svc:/site/either:default", .online)
        try restarter.wait("svc:/site/optional:default", .online)
        let strict = try restarter.wait("svc:/site/strict:default", .offline)
        #expect(strict.explanation == "Dependency svc:/site/off:default (require_any 'must') is disabled.")
    }

    /// A `<dependent>` gives its target a dependency on the declaring
    /// service (graph.c's header comment; `DependencyGraph`'s arcs).
    @Test func dependentsMakeTheirTargetWait() throws {
        let restarter = try RunningRestarter { _ in
            [
                TestService(name: "site/provider", enabled: false, start: "sleep 1044 &",
                            dependents: [("provider", "require_all", "none", "svc:/site/consumer")]),
                TestService(name: "site/consumer", start: "sleep 1045 &"),
            ]
        }
        defer { #expect(restarter.stop().isEmpty) }
        let waiting = try restarter.wait("svc:/site/consumer:default", .offline)
        #expect(waiting.explanation == "Dependency svc:/site/provider:default (require_all 'provider') is disabled.")
        let enabled = try restarter.smfkit(["svcadm", "enable", "--state", restarter.state, "site/provider"])
        #expect(enabled.succeeded, "\(enabled.stderr)")
        try restarter.wait("svc:/site/consumer:default", .online)
    }

    /// A dependency cycle is refused as graph.c refuses it (`ELOOP` from
    /// `graph_insert_dependency`): its instances go to maintenance.
    @Test func cyclesAreRefused() throws {
        let restarter = try RunningRestarter { _ in
            [
                TestService(name: "site/egg", start: "sleep 1051 &",
                            dependencies: [("chicken", "require_all", "none", ["svc:/site/chicken"])]),
                TestService(name: "site/chicken", start: "sleep 1052 &",
                            dependencies: [("egg", "require_all", "none", ["svc:/site/egg"])]),
            ]
        }
        defer { #expect(restarter.stop().isEmpty) }
        let egg = try restarter.wait("svc:/site/egg:default", .maintenance)
        #expect(egg.reason == "dependency_cycle")
        #expect(try restarter.status("svc:/site/chicken:default").state == .maintenance)
    }
}
