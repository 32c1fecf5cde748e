import Testing
@testable import SMF

@Suite struct NameTests {
    @Test(arguments: ["default", "a", "node1", "com.sun,fw_definition", "x-y_z", "A9"])
    func domainNamesPass(_ name: String) {
        #expect(SMFName.isValid(name, as: .domain))
    }

    @Test(arguments: ["", "1abc", "a.b", "a/b", "@SMF_NAME@", ",x", "x,", "a b", "ñ", "has:colon"])
    func domainNamesFail(_ name: String) {
        #expect(!SMFName.isValid(name, as: .domain))
    }

    @Test(arguments: ["network/ssh", "site/com.example,myapp/worker", "application/database/postgresql_16"])
    func servicePathsPass(_ name: String) {
        #expect(SMFName.isValid(name, as: .servicePath))
    }

    /// `a/foo` fails because uu_check_name checks a non-final component
    /// without its last character (smf.md §3.1).
    @Test(arguments: ["a/foo", "/network", "network/", "net//ssh", "@SMF_PREFIX@/haproxy", "x/$(PROG)"])
    func servicePathsFail(_ name: String) {
        #expect(!SMFName.isValid(name, as: .servicePath))
    }

    @Test func lastCharacterBeforeSlashIsNotChecked() {
        #expect(SMFName.isValid("ab@/foo", as: .servicePath))
    }

    @Test func lengthLimitIs119Bytes() {
        #expect(SMFName.fitsLength(String(repeating: "a", count: 119)))
        #expect(!SMFName.fitsLength(String(repeating: "a", count: 120)))
    }
}

@Suite struct FMRITests {
    @Test(arguments: [
        "svc:/network/ssh:default", "svc:network/ssh", "svc:///network/ssh", "network/ssh:default",
        "svc://localhost/network/ssh", "svc://@localhost/net/ssh", "", "svc:", "svc://", "svc:///", "svc:////x",
        "svc:/system/x:default/:properties/pg/prop", "file:///etc/x", "file://localhost/etc/x", "file:/etc/x",
    ])
    func valid(_ text: String) {
        #expect((try? FMRI.parse(text).get()) != nil)
    }

    @Test(arguments: [
        "svc:/:default", "svc:/net work", "file:", "file:/", "file://otherhost/x", "file:relative",
        "svc:/@SMF_PREFIX@/x", "svc:/a:b:c", "svc://bad scope/x", "svc:/", "/", "svc:////", "svc:/x/:properties/",
        "svc:/x:", "file:///",
    ])
    func invalid(_ text: String) {
        #expect((try? FMRI.parse(text).get()) == nil)
    }

    @Test func partsOfAPropertyFMRI() throws {
        let parts = try FMRI.parseService("svc:/system/x:default/:properties/config/port").get()
        #expect(parts.service == "system/x")
        #expect(parts.instance == "default")
        #expect(parts.propertyGroup == "config")
        #expect(parts.property == "port")
        #expect(!FMRI.service(parts).namesServiceOrInstance)
        #expect(parts.entityFMRI == "svc:/system/x:default")
    }

    @Test func bareServiceNamesAService() throws {
        let fmri = try FMRI.parse("milestone/multi-user").get()
        #expect(fmri.namesServiceOrInstance)
        #expect(!(try FMRI.parse("svc:").get()).namesServiceOrInstance)
    }
}
