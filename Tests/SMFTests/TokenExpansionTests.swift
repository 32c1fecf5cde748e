import SMF
import Testing

/// svc.startd's method-token expansion (smf.md §6, `startd/expand.c`), one
/// test per rule.
@Suite struct TokenExpansionTests {
    /// An instance `svc:/network/etcd:node1` with an `application` group, a
    /// `config` group and a `start` method group.
    static let composed: [PropertyGroupView] = [
        PropertyGroupView(name: "application", type: "application", properties: [
            ComposedProperty("data", .astring, ["/var/db"], location: nil),
        ]),
        PropertyGroupView(name: "config", type: "application", properties: [
            ComposedProperty("name", .astring, ["node1"], location: nil),
            ComposedProperty("hosts", .astring, ["a:1", "b:2", "c:3"], location: nil),
            ComposedProperty("empty", .astring, [], location: nil),
            ComposedProperty("port", .count, ["2379"], location: nil),
            ComposedProperty("spaced", .astring, ["two words"], location: nil),
        ]),
        PropertyGroupView(name: "start", type: "method", properties: [
            ComposedProperty("exec", .astring, ["exec %{config/name}"], location: nil),
        ]),
    ]

    static func context(method: String = "start", resolver: ((FMRI.ServiceFMRIParts) -> [String]?)? = nil)
        -> MethodExpansionContext
    {
        MethodExpansionContext(serviceName: "network/etcd", instanceName: "node1", methodName: method,
                               composed: composed, resolveFMRI: resolver)
    }

    func expand(_ exec: String, method: String = "start") throws -> String {
        try expandMethodTokens(exec, for: Self.context(method: method))
    }

    func failure(_ exec: String, resolver: ((FMRI.ServiceFMRIParts) -> [String]?)? = nil) -> TokenExpansionError? {
        do {
            _ = try expandMethodTokens(exec, for: Self.context(resolver: resolver))
            return nil
        } catch {
            return error
        }
    }

    @Test func textWithoutTokensIsUnchanged() throws {
        #expect(try expand("/usr/bin/etcd --name x; echo 'a b'") == "/usr/bin/etcd --name x; echo 'a b'")
    }

    @Test func doublePercentIsOnePercent() throws {
        #expect(try expand("date +%%Y%%m") == "date +%Y%m")
    }

    @Test func restarterToken() throws {
        #expect(try expand("%r") == "svc.startd")
    }

    @Test(arguments: ["start", "stop", "refresh"])
    func methodToken(_ method: String) throws {
        #expect(try expand("/lib/svc/method/x %m", method: method) == "/lib/svc/method/x \(method)")
    }

    @Test func serviceInstanceAndFMRITokens() throws {
        #expect(try expand("%s|%i|%f") == "network/etcd|node1|svc:/network/etcd:node1")
    }

    @Test func bareNameIsAnApplicationProperty() throws {
        #expect(try expand("--dir %{data}") == "--dir /var/db")
    }

    @Test func groupAndPropertyInTheComposedView() throws {
        #expect(try expand("--name %{config/name} --port %{config/port}") == "--name node1 --port 2379")
    }

    @Test func synthesisedGroupsAreVisible() throws {
        #expect(try expand("%{start/exec}") == #"exec\ %{config/name}"#)
    }

    @Test func valuesAreJoinedWithASpace() throws {
        #expect(try expand("%{config/hosts}") == "a:1 b:2 c:3")
    }

    @Test func trailingCommaJoinsWithCommas() throws {
        #expect(try expand("--hosts=%{config/hosts,}") == "--hosts=a:1,b:2,c:3")
    }

    @Test func trailingColonJoinsWithColons() throws {
        #expect(try expand("PATH=%{config/hosts:}") == "PATH=a:1:b:2:c:3")
    }

    @Test func propertyWithoutValuesIsEmpty() throws {
        #expect(try expand("[%{config/empty}]") == "[]")
    }

    @Test(arguments: [";", "&", "(", ")", "|", "^", "<", ">", "\n", " ", "\t", "\\", "\"", "'", "`"])
    func shellMetacharactersAreEscaped(_ character: String) {
        #expect(shellEscaped("a\(character)b") == "a\\\(character)b")
    }

    @Test(arguments: ["$", "*", "?", "~", "#", "=", "%", "{", "}", "[", "]", "!", "é"])
    func otherCharactersAreNotEscaped(_ character: String) {
        #expect(shellEscaped("a\(character)b") == "a\(character)b")
    }

    @Test func propertyValuesAreEscapedButTheStringIsNot() throws {
        #expect(try expand("echo %{config/spaced} && true") == #"echo two\ words && true"#)
    }

    @Test func crlfInAValueHasItsNewlineEscaped() {
        #expect(shellEscaped("a\r\nb") == "a\r\\\nb")
    }

    @Test func trailingPercentIsDropped() throws {
        #expect(try expand("100%") == "100")
    }

    @Test func unknownTokenIsAnError() {
        #expect(failure("echo %x") == .unknownToken("x"))
        #expect(failure("echo %x")?.description == "unknown method token")
    }

    @Test func unterminatedPropertyIsAParseError() {
        #expect(failure("exec %{config/name") == .parseError)
        #expect(failure("exec %{config/name")?.description == "parse error")
    }

    @Test func missingPropertyIsAnError() {
        #expect(failure("%{config/nope}") == .propertyNotFound(spec: "config/nope"))
        #expect(failure("%{config/nope}")?.description == #"property "config/nope" not found"#)
    }

    @Test func missingGroupIsAnError() {
        #expect(failure("%{restarter/contract}") == .propertyNotFound(spec: "restarter/contract"))
    }

    @Test func separatorIsNotPartOfTheNameInTheError() {
        #expect(failure("%{config/nope,}") == .propertyNotFound(spec: "config/nope"))
    }

    @Test func onlyTheFirstSlashSplitsGroupFromProperty() {
        #expect(failure("%{config/name/x}") == .propertyNotFound(spec: "config/name/x"))
    }

    @Test func errorsComeInTheOrderSvcStartdMeetsThem() {
        #expect(failure("%{config/nope} %x") == .propertyNotFound(spec: "config/nope"))
        #expect(failure("%x %{config/nope}") == .unknownToken("x"))
        #expect(failure("%{config/nope} %{unterminated") == .propertyNotFound(spec: "config/nope"))
    }

    @Test func fullPropertyFMRIOfAnInstance() throws {
        var asked: FMRI.ServiceFMRIParts?
        let context = Self.context { parts in
            asked = parts
            return ["node2", "x y"]
        }
        let result = try expandMethodTokens("%{svc:/network/etcd:node2/:properties/config/name,}", for: context)
        #expect(result == #"node2,x\ y"#)
        #expect(asked?.service == "network/etcd")
        #expect(asked?.instance == "node2")
        #expect(asked?.propertyGroup == "config")
        #expect(asked?.property == "name")
    }

    @Test func fullPropertyFMRIOfAService() throws {
        var asked: FMRI.ServiceFMRIParts?
        let context = Self.context { parts in
            asked = parts
            return ["v"]
        }
        #expect(try expandMethodTokens("%{svc:/network/etcd/:properties/config/name}", for: context) == "v")
        #expect(asked?.instance == nil)
    }

    @Test func fullPropertyFMRIWithoutPropertyIsAParseError() {
        #expect(failure("%{svc:/network/etcd:node2/:properties/config}", resolver: { _ in ["v"] }) == .parseError)
    }

    @Test func fullPropertyFMRIThatDoesNotExistIsNotFound() {
        let spec = "svc:/network/etcd:node9/:properties/config/name"
        #expect(failure("%{\(spec)}", resolver: { _ in nil }) == .propertyNotFound(spec: spec))
        #expect(failure("%{\(spec)}") == .propertyNotFound(spec: spec))
    }
}
