import Diagnostics
import Foundation
import SMF
import Testing

/// Building a node's plan from SMF XML: composed view, method context,
/// environment, dependency order, and what makes an instance unplannable.
@Suite struct PlanTests {
    static func bundle(_ body: String, type: String = "manifest", path: String = "test.xml") throws -> ServiceBundle {
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE service_bundle SYSTEM "/usr/share/lib/xml/dtd/service_bundle.dtd.1">
            <service_bundle type="\(type)" name="test">
            \(body)
            </service_bundle>
            """
        let document = SMFDocument.load(data: Data(text.utf8), path: path)
        #expect(document.problems.filter { $0.severity == .error } == [])
        return try #require(document.bundle)
    }

    /// A service with one start method, credentials and a per-node instance.
    static func service(
        _ name: String, instance: String = "node1", exec: String = "/bin/true", user: String = "root",
        group: String? = nil, workingDirectory: String? = nil, environment: [String] = [],
        dependencies: String = "", instanceBody: String = "", timeout: String = "60"
    ) -> String {
        let groupAttribute = group.map { " group=\"\($0)\"" } ?? ""
        let directory = workingDirectory.map { " working_directory=\"\($0)\"" } ?? ""
        let variables = environment.map { entry -> String in
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            return "<envvar name=\"\(parts[0])\" value=\"\(parts.count > 1 ? parts[1] : "")\"/>"
        }.joined()
        let environmentElement = environment.isEmpty ? "" : "<method_environment>\(variables)</method_environment>"
        return """
            <service name="\(name)" type="service" version="1">
              \(dependencies)
              <method_context\(directory)><method_credential user="\(user)"\(groupAttribute)/>\(environmentElement)</method_context>
              <exec_method type="method" name="start" exec="\(exec)" timeout_seconds="\(timeout)"/>
              <exec_method type="method" name="stop" exec=":kill" timeout_seconds="60"/>
              <property_group name="config" type="application">
                <propval name="greeting" type="astring" value="hello world"/>
              </property_group>
              <instance name="\(instance)" enabled="false">\(instanceBody)</instance>
            </service>
            """
    }

    static func plan(_ bodies: [String], node: String = "node1") throws -> NodePlanner.Result {
        let bundles = try bodies.map { try bundle($0) }
        return NodePlanner(catalog: ServiceCatalog(bundles: bundles)).plan(node: node)
    }

    @Test func startMethodIsExpandedAgainstTheComposedView() throws {
        let instance = """
            <property_group name="config" type="application">
              <propval name="name" type="astring" value="node1"/>
            </property_group>
            """
        let result = try Self.plan([Self.service(
            "network/etcd", exec: "/usr/bin/etcd --name %{config/name} --say %{config/greeting} --fmri %f",
            instanceBody: instance)])
        #expect(result.diagnostics == [])
        let entry = try #require(result.entries.first)
        #expect(entry.fmri == "svc:/network/etcd:node1")
        #expect(entry.exec == #"/usr/bin/etcd --name node1 --say hello\ world --fmri svc:/network/etcd:node1"#)
        #expect(entry.timeoutSeconds == 60)
    }

    @Test func instancePropertiesOverrideServiceProperties() throws {
        let instance = """
            <property_group name="config" type="application">
              <propval name="greeting" type="astring" value="hi"/>
            </property_group>
            """
        let result = try Self.plan([Self.service("site/app", exec: "echo %{config/greeting}", instanceBody: instance)])
        #expect(result.entries.map(\.exec) == ["echo hi"])
    }

    @Test func onlyTheNodesInstancesArePlanned() throws {
        let result = try Self.plan([Self.service("site/one"), Self.service("site/two", instance: "node2")], node: "node2")
        #expect(result.entries.map(\.fmri) == ["svc:/site/two:node2"])
    }

    @Test func userAndGroupComeFromTheCredential() throws {
        let result = try Self.plan([Self.service("site/app", user: "root", group: "root", workingDirectory: "/tmp")])
        let entry = try #require(result.entries.first)
        #expect(entry.user == "root")
        #expect(entry.group == "root")
        #expect(entry.workingDirectory == "/tmp")
    }

    @Test func defaultGroupIsTheUsersPrimaryGroup() throws {
        let result = try Self.plan([Self.service("site/app", user: "daemon", group: ":default")])
        let entry = try #require(result.entries.first)
        #expect(entry.user == "daemon")
        // Debian's and illumos' daemon account has the daemon group as its primary group.
        #expect(entry.group == "daemon")
    }

    @Test(arguments: [":default", ":home", nil])
    func homeWorkingDirectoriesAreTheUsersHome(_ directory: String?) throws {
        let result = try Self.plan([Self.service("site/app", user: "daemon", workingDirectory: directory)])
        let entry = try #require(result.entries.first)
        let home = try #require(FileManager.default.homeDirectory(forUser: "daemon")?.path)
        #expect(entry.workingDirectory == home)
    }

    @Test func numericUserIsLookedUp() throws {
        let result = try Self.plan([Self.service("site/app", user: "0")])
        #expect(result.entries.first?.user == "root")
    }

    @Test func userMissingFromPasswdIsAnErrorNamingIt() throws {
        let result = try Self.plan([Self.service("site/app", user: "no-such-user-smfkit")])
        #expect(result.entries.isEmpty)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.rule == PlanRuleID.unknownUser)
        #expect(diagnostic.message.contains("'no-such-user-smfkit'"))
        #expect(diagnostic.location.file == "test.xml")
        #expect(diagnostic.location.line > 0)
    }

    @Test func groupIDMissingFromTheGroupDatabaseIsAnError() throws {
        let result = try Self.plan([Self.service("site/app", group: "987654")])
        #expect(result.diagnostics.map(\.rule) == [PlanRuleID.unknownGroup])
    }

    /// The generated manifests name their user, group and directory: a plan
    /// of them needs no account on the planning host (an illumos zone's
    /// users do not exist on the build host).
    @Test func anExplicitContextNeedsNoAccountOnThisHost() throws {
        let result = try Self.plan([Self.service(
            "site/app", user: "no-such-user-smfkit", group: "no-such-group-smfkit", workingDirectory: "/var/opt/app"
        )])
        #expect(result.diagnostics.isEmpty)
        let entry = try #require(result.entries.first)
        #expect(entry.user == "no-such-user-smfkit")
        #expect(entry.group == "no-such-group-smfkit")
        #expect(entry.workingDirectory == "/var/opt/app")
    }

    @Test func aMissingUserWhoseHomeIsNeededIsAnError() throws {
        let result = try Self.plan([Self.service(
            "site/app", user: "no-such-user-smfkit", group: "no-such-group-smfkit", workingDirectory: ":home"
        )])
        #expect(result.diagnostics.map(\.rule) == [PlanRuleID.unknownUser])
    }

    @Test func environmentHasTheEnvvarsAndSvcStartdsVariables() throws {
        let result = try Self.plan([Self.service("network/etcd", environment: ["LANG=C", "EMPTY=", "A=b=c"])])
        let entry = try #require(result.entries.first)
        #expect(entry.environment == [
            "LANG": "C", "EMPTY": "", "A": "b=c",
            "SMF_FMRI": "svc:/network/etcd:node1",
            "SMF_METHOD": "start",
            "SMF_RESTARTER": "svc:/system/svc/restarter:default",
            "SMF_ZONENAME": "global",
        ])
    }

    @Test func userCannotSetSMFVariables() throws {
        let result = try Self.plan([Self.service("site/app", environment: ["SMF_FMRI=svc:/forged", "SMF_OTHER=x"])])
        let entry = try #require(result.entries.first)
        #expect(entry.environment["SMF_FMRI"] == "svc:/site/app:node1")
        #expect(entry.environment["SMF_OTHER"] == nil)
    }

    @Test func zoneNameIsTheHosts() throws {
        let bundles = [try Self.bundle(Self.service("site/app"))]
        let result = NodePlanner(catalog: ServiceCatalog(bundles: bundles), zoneName: "node1").plan(node: "node1")
        #expect(result.entries.first?.environment["SMF_ZONENAME"] == "node1")
    }

    @Test func methodsOwnContextWinsOverTheEntitys() throws {
        let body = """
            <service name="site/app" type="service" version="1">
              <method_context working_directory="/"><method_credential user="root"/></method_context>
              <exec_method type="method" name="start" exec="true" timeout_seconds="5">
                <method_context working_directory="/tmp"><method_credential user="daemon"/></method_context>
              </exec_method>
              <instance name="node1" enabled="true"/>
            </service>
            """
        let entry = try #require(try Self.plan([body]).entries.first)
        #expect(entry.user == "daemon")
        #expect(entry.workingDirectory == "/tmp")
        #expect(entry.timeoutSeconds == 5)
    }

    @Test func noCredentialMeansRoot() throws {
        let body = """
            <service name="site/app" type="service" version="1">
              <exec_method type="method" name="start" exec="true" timeout_seconds="5"/>
              <instance name="node1" enabled="true"/>
            </service>
            """
        let entry = try #require(try Self.plan([body]).entries.first)
        #expect(entry.user == "root")
        #expect(entry.group == "root")
    }

    @Test func expansionErrorNamesTheInstanceAndTheCommand() throws {
        let result = try Self.plan([Self.service("site/app", exec: "run %{config/missing}")])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.rule == PlanRuleID.expansion)
        #expect(diagnostic.message == #"svc:/site/app:node1: could not expand method tokens in "run %{config/missing}": property "config/missing" not found"#)
    }

    @Test func fullPropertyFMRIReadsAnotherInstance() throws {
        let other = """
            <property_group name="config" type="application">
              <propval name="name" type="astring" value="the other"/>
            </property_group>
            """
        let result = try Self.plan([
            Self.service("site/app", exec: "echo %{svc:/xx/yy:node2/:properties/config/name} %{svc:/xx/yy/:properties/config/greeting}"),
            Self.service("xx/yy", instance: "node2", instanceBody: other),
        ])
        #expect(result.diagnostics == [])
        #expect(result.entries.map(\.exec) == [#"echo the\ other hello\ world"#])
    }

    @Test func missingStartMethodIsAnError() throws {
        let body = """
            <service name="site/app" type="service" version="1">
              <exec_method type="method" name="stop" exec=":kill" timeout_seconds="5"/>
              <instance name="node1" enabled="true"/>
            </service>
            """
        #expect(try Self.plan([body]).diagnostics.map(\.rule) == [PlanRuleID.noStartMethod])
    }

    @Test func unknownNodeIsAnError() throws {
        #expect(try Self.plan([Self.service("site/app")], node: "node7").diagnostics.map(\.rule) == [PlanRuleID.unknownNode])
    }

    static func dependency(_ name: String, on fmri: String, grouping: String = "require_all") -> String {
        """
        <dependency name="\(name)" grouping="\(grouping)" restart_on="none" type="service">
          <service_fmri value="\(fmri)"/>
        </dependency>
        """
    }

    @Test func instancesStartAfterWhatTheyDependOn() throws {
        // Written in the wrong order on purpose; names sort the wrong way too.
        let result = try Self.plan([
            Self.service("aa/haproxy", instanceBody: Self.dependency("db", on: "svc:/zz/patroni:node1", grouping: "optional_all")),
            Self.service("zz/patroni", instanceBody: Self.dependency("store", on: "svc:/zzz/etcd:node1")),
            Self.service("zzz/etcd", dependencies: Self.dependency("net", on: "svc:/milestone/network:default")),
        ])
        #expect(result.diagnostics == [])
        #expect(result.entries.map(\.fmri) == ["svc:/zzz/etcd:node1", "svc:/zz/patroni:node1", "svc:/aa/haproxy:node1"])
    }

    @Test func serviceLevelDependencyOnAServiceOrdersAllItsInstances() throws {
        let result = try Self.plan([
            Self.service("aa/client", dependencies: Self.dependency("server", on: "svc:/bb/server")),
            Self.service("bb/server"),
        ])
        #expect(result.entries.map(\.fmri) == ["svc:/bb/server:node1", "svc:/aa/client:node1"])
    }

    @Test func excludeAllDoesNotOrder() throws {
        let result = try Self.plan([
            Self.service("bb/one", dependencies: Self.dependency("not", on: "svc:/cc/two:node1", grouping: "exclude_all")),
            Self.service("cc/two"),
        ])
        #expect(result.entries.map(\.fmri) == ["svc:/bb/one:node1", "svc:/cc/two:node1"])
    }

    @Test func dependentMakesItsTargetWait() throws {
        let dependent = """
            <dependent name="before-web" grouping="require_all" restart_on="none">
              <service_fmri value="svc:/aa/web:node1"/>
            </dependent>
            """
        let result = try Self.plan([Self.service("aa/web"), Self.service("bb/db", dependencies: dependent)])
        #expect(result.entries.map(\.fmri) == ["svc:/bb/db:node1", "svc:/aa/web:node1"])
    }

    @Test func independentInstancesAreInFMRIOrder() throws {
        let result = try Self.plan([Self.service("cc/cc"), Self.service("aa/aa"), Self.service("bb/bb")])
        #expect(result.entries.map(\.fmri) == ["svc:/aa/aa:node1", "svc:/bb/bb:node1", "svc:/cc/cc:node1"])
    }

    @Test func dependencyCycleIsAnError() throws {
        let result = try Self.plan([
            Self.service("aa/aa", instanceBody: Self.dependency("b", on: "svc:/bb/bb:node1")),
            Self.service("bb/bb", instanceBody: Self.dependency("a", on: "svc:/aa/aa:node1")),
            Self.service("cc/cc"),
        ])
        #expect(result.entries.map(\.fmri) == ["svc:/cc/cc:node1"])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.rule == PlanRuleID.cycle)
        #expect(diagnostic.message.contains("svc:/aa/aa:node1, svc:/bb/bb:node1"))
    }

    @Test func laterBundleOverridesProperties() throws {
        let manifest = try Self.bundle(Self.service("site/app", exec: "echo %{config/greeting}"))
        let profile = try Self.bundle("""
            <service name="site/app" type="service" version="1">
              <instance name="node1" enabled="true">
                <property_group name="config" type="application">
                  <propval name="greeting" type="astring" value="override"/>
                </property_group>
              </instance>
            </service>
            """, type: "profile")
        let result = NodePlanner(catalog: ServiceCatalog(bundles: [manifest, profile])).plan(node: "node1")
        #expect(result.entries.map(\.exec) == ["echo override"])
    }

    @Test func jsonHasExactlyTheContractsKeys() throws {
        let entry = try #require(try Self.plan([Self.service("site/app")]).entries.first)
        let json = PlanFormatter.json([entry])
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(objects.count == 1)
        #expect(Set(objects[0].keys) == ["fmri", "exec", "user", "group", "workingDirectory", "environment", "timeoutSeconds"])
        #expect(objects[0]["timeoutSeconds"] as? Int == 60)
        #expect(PlanFormatter.json([entry]) == json)
    }

    @Test func directoryMeansItsManifestsSubdirectory() throws {
        let root = FileManager.default.temporaryDirectory.appending(path: "smfkit-plan-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appending(path: "manifests"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appending(path: "profiles"), withIntermediateDirectories: true)
        for name in ["b.xml", "a.xml", "notes.txt"] {
            try Data().write(to: root.appending(path: "manifests/\(name)"))
        }
        try Data().write(to: root.appending(path: "profiles/node1.xml"))
        let found = PlanInput.files(for: [root.path], preferring: "manifests")
        let (files, unreadable) = (found.files, found.unreadable)
        #expect(unreadable == [])
        #expect(files == [root.appending(path: "manifests/a.xml").path, root.appending(path: "manifests/b.xml").path])
    }

    @Test func missingInputIsUnreadable() {
        let found = PlanInput.files(for: ["/nonexistent/smfkit"])
        let (files, unreadable) = (found.files, found.unreadable)
        #expect(files.isEmpty)
        #expect(unreadable.map(\.rule) == [PlanRuleID.noInput])
    }
}
