import Foundation
import Restarter
import Testing

/// `svcadm refresh`, `clear` and `svcs -x`/`svcprop` through the control socket.
@Suite(.serialized) struct AdministrationTests {
    static func greeter(_ word: String, _ path: (String) -> String) -> [TestService] {
        [
            TestService(
                name: "site/greeter", start: "sleep 1071", refresh: "sh -c 'echo %{config/greeting} >> \(path("greetings"))'",
                duration: "child", config: ["greeting": word]),
            TestService(
                name: "site/listener", start: "sh -c 'echo start >> \(path("listener-starts")); exec sleep 1072'",
                duration: "child", dependencies: [("greeter", "require_all", "refresh", ["svc:/site/greeter"])]),
        ]
    }

    /// refresh_instance (restarter.c): the configuration is re-read (here:
    /// the manifests), the refresh method runs with the new values, and
    /// dependents with `restart_on="refresh"` are restarted.
    @Test func refreshRereadsProperties() throws {
        let restarter = try RunningRestarter { path in Self.greeter("hello", path) }
        defer { #expect(restarter.stop().isEmpty) }
        try restarter.wait("svc:/site/greeter:default", .online)
        try restarter.wait("svc:/site/listener:default", .online)
        #expect(restarter.lines("listener-starts").count == 1)

        let directory = restarter.directory
        try restarter.write(Self.greeter("bonjour") { directory.appending(path: $0).path })
        let refreshed = try restarter.smfkit(["svcadm", "refresh", "--state", restarter.state, "site/greeter"])
        #expect(refreshed.succeeded, "\(refreshed.stderr)")
        try waitUntil("the refresh method", timeout: 10) { restarter.lines("greetings") == ["bonjour"] }
        let properties = try restarter.smfkit(["svcprop", "--state", restarter.state, "site/greeter"])
        #expect(properties.stdout.contains("config/greeting astring bonjour\n"))
        try waitUntil("the listener to restart", timeout: 10) { restarter.lines("listener-starts").count == 2 }
        #expect(restarter.log("svc:/site/greeter:default").contains("Rereading configuration."))
    }

    /// `svcs -H -o COLUMNS FMRI`, as deploy.sh's health checks read one
    /// instance's state: no header, only the columns asked for, the last
    /// unpadded; an unknown column is refused naming the known ones.
    @Test func svcsListsTheColumnsAskedForWithoutAHeader() throws {
        let restarter = try RunningRestarter { _ in
            [TestService(name: "site/steady", start: "sleep 1091", duration: "child")]
        }
        defer { #expect(restarter.stop().isEmpty) }
        try restarter.wait("svc:/site/steady:default", .online)
        let state = try restarter.smfkit(["svcs", "--state", restarter.state, "-H", "-o", "state", "site/steady"])
        #expect(state.succeeded, "\(state.stderr)")
        #expect(state.stdout == "online\n")
        let two = try restarter.smfkit(["svcs", "--state", restarter.state, "-o", "FMRI,nstate", "site/steady"])
        #expect(two.stdout == "FMRI NSTATE\nsvc:/site/steady:default -\n")
        let all = try restarter.smfkit(["svcs", "--state", restarter.state])
        #expect(all.stdout.hasPrefix("STATE          STIME    FMRI\nonline         "))
        let bad = try restarter.smfkit(["svcs", "--state", restarter.state, "-o", "state,color"])
        #expect(!bad.succeeded)
        #expect(bad.stderr.contains("unknown column 'color' for -o; the columns are state, nstate, stime, ctid, fmri"))
    }

    /// `svcs -x` on a planted failure (a start method exiting
    /// `SMF_EXIT_ERR_CONFIG`): the state and since when, the reason in
    /// svcs's words, the log, and the impact on a dependent.
    @Test func svcsExplainsAPlantedFailure() throws {
        let restarter = try RunningRestarter { _ in
            [
                TestService(name: "site/broken", start: "sh -c 'echo no config file >&2; exit 96'"),
                TestService(
                    name: "site/front", start: "sleep 1081 &",
                    dependencies: [("broken", "require_all", "none", ["svc:/site/broken"])]),
            ]
        }
        defer { #expect(restarter.stop().isEmpty) }
        try restarter.wait("svc:/site/broken:default", .maintenance)
        let run = try restarter.smfkit(["svcs", "--state", restarter.state, "-x"])
        #expect(run.succeeded, "\(run.stderr)")
        let logPath = restarter.state + "/log/site-broken:default.log"
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "svc:/site/broken:default")
        #expect(lines.contains { $0.hasPrefix(" State: maintenance since ") })
        #expect(lines.contains("Reason: Start method exited with $SMF_EXIT_ERR_CONFIG."))
        #expect(lines.contains("   See: \(logPath)"))
        #expect(lines.contains("Impact: 1 dependent service is not running:"))
        #expect(lines.contains("        svc:/site/front:default"))
        #expect(run.stdout.contains("svc:/site/front:default\n State: offline since "))
        #expect(run.stdout.contains("Reason: Dependency svc:/site/broken:default (require_all 'broken') is maintenance."))
        let log = try String(contentsOfFile: logPath, encoding: .utf8)
        #expect(log.contains("no config file"))
        #expect(log.contains("Method \"start\" exited with status 96."))

        // clear: back to uninitialized, started again, failing the same way.
        let cleared = try restarter.smfkit(["svcadm", "clear", "--state", restarter.state, "broken"])
        #expect(cleared.succeeded, "\(cleared.stderr)")
        try waitUntil("a second start", timeout: 10) {
            restarter.log("svc:/site/broken:default").components(separatedBy: "exited with status 96").count == 3
        }
        #expect(restarter.log("svc:/site/broken:default").contains("Leaving maintenance because clear requested."))
        try restarter.wait("svc:/site/broken:default", .maintenance)
    }

    /// `--profile`: applied after the manifests, as `svccfg apply`; what it
    /// enables starts, what it leaves alone stays as the manifest says.
    @Test func profileEnablesInstances() throws {
        let profile = """
            <?xml version="1.0"?>
            <!DOCTYPE service_bundle SYSTEM "/usr/share/lib/xml/dtd/service_bundle.dtd.1">
            <service_bundle type="profile" name="site">
              <service name="site/wanted" version="1" type="service">
                <instance name="default" enabled="true"/>
              </service>
            </service_bundle>
            """
        let restarter = try RunningRestarter(profile: profile) { _ in
            [
                TestService(name: "site/wanted", enabled: false, start: "sleep 1111 &"),
                TestService(name: "site/unwanted", enabled: false, start: "sleep 1112 &"),
            ]
        }
        defer { #expect(restarter.stop().isEmpty) }
        try restarter.wait("svc:/site/wanted:default", .online)
        let unwanted = try restarter.wait("svc:/site/unwanted:default", .disabled)
        #expect(unwanted.reason == "per_configuration")
    }

    @Test func unknownInstancesAndAbsentRestartersAreNamed() throws {
        let restarter = try RunningRestarter { _ in [TestService(name: "site/one", start: "sleep 1091 &")] }
        defer { #expect(restarter.stop().isEmpty) }
        let unknown = try restarter.smfkit(["svcadm", "enable", "--state", restarter.state, "site/none"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("Pattern 'site/none' doesn't match any instances"))
        let nobody = try restarter.smfkit(["svcs", "--state", restarter.directory.appending(path: "elsewhere").path])
        #expect(nobody.status == 2)
        #expect(nobody.stderr.contains("no restarter answers on"))
    }
}
