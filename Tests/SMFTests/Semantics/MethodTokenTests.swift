import Testing
@testable import SMF

@Suite struct MethodTokenTests {
    @Test func tokenizesEveryForm() throws {
        let tokens = try MethodTokens.tokenize("/lib/svc/method/x %m %i %s %f %r 100%% %{config/port} %{a/b:}").get()
        #expect(tokens == [
            .literal("/lib/svc/method/x "), .methodName, .literal(" "), .instanceName, .literal(" "),
            .serviceName, .literal(" "), .instanceFMRI, .literal(" "), .restarterName, .literal(" 100% "),
            .property(PropertyReference(spec: "config/port")), .literal(" "),
            .property(PropertyReference(spec: "a/b", separator: ":")),
        ])
    }

    @Test func trailingPercentIsDropped() throws {
        #expect(try MethodTokens.tokenize("echo %").get() == [.literal("echo ")])
    }

    @Test func unknownTokenIsAnError() {
        #expect(MethodTokens.tokenize("date +%Y") == .failure(.unknownToken("Y", offset: 6)))
    }

    @Test func unterminatedBraceIsAnError() {
        #expect(MethodTokens.tokenize("x %{config/port") == .failure(.unterminatedProperty(offset: 2)))
    }

    @Test func propertyReferences() {
        #expect(PropertyReference(spec: "datadir").propertyGroupAndName! == ("application", "datadir"))
        #expect(PropertyReference(spec: "config/port").propertyGroupAndName! == ("config", "port"))
        #expect(PropertyReference(spec: "svc:/x:default/:properties/pg/p").propertyGroupAndName! == ("pg", "p"))
        #expect(PropertyReference(spec: "a/b/c").propertyGroupAndName == nil)
    }

    @Test func specialMethods() {
        #expect(SpecialMethod(exec: ":true") == .true)
        #expect(SpecialMethod(exec: ":kill") == .kill(signal: nil))
        #expect(SpecialMethod(exec: ":kill -HUP") == .kill(signal: "HUP"))
        #expect(SpecialMethod(exec: ":kill_process") == nil)
        #expect(SpecialMethod(exec: "/bin/true") == nil)
    }
}
