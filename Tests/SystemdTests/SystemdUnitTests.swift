import Diagnostics
import Testing
@testable import Systemd

@Suite struct SystemdUnitTests {
    func unit(_ texts: [(String, String)]) -> SystemdUnit {
        let (units, diagnostics) = UnitAssembler.assemble(texts.map { (path: $0.0, text: $0.1) })
        #expect(!diagnostics.hasErrors)
        return units[0]
    }

    @Test func anEmptyAssignmentResetsAList() {
        let unit = unit([("a.service", "[Unit]\nAfter=x.target\nAfter=\nAfter=y.target z.target\n")])
        #expect(unit.list("Unit", "After").map(\.value) == ["y.target z.target"])
    }

    @Test func theLastSettingWinsAndAnEmptyOneMeansTheDefault() {
        let unit = unit([("a.service", "[Service]\nUser=a\nUser=b\nGroup=g\nGroup=\n")])
        #expect(unit.setting("Service", "User")?.value == "b")
        #expect(unit.setting("Service", "Group") == nil)
    }

    @Test func dropInsApplyAfterTheUnitInFileNameOrder() {
        let unit = unit([
            ("/etc/systemd/system/a.service.d/20-b.conf", "[Service]\nUser=twenty\n"),
            ("/lib/a.service", "[Service]\nUser=base\nExecStart=/bin/a\n"),
            ("/etc/systemd/system/a.service.d/10-a.conf", "[Service]\nUser=ten\nExecStart=\nExecStart=/bin/b\n"),
        ])
        #expect(unit.setting("Service", "User")?.value == "twenty")
        #expect(unit.list("Service", "ExecStart").map(\.value) == ["/bin/b"])
        #expect(unit.files.map(\.path).last == "/etc/systemd/system/a.service.d/20-b.conf")
    }

    @Test func aTemplatesDropInDirectoryAppliesToTheTemplate() {
        let (units, _) = UnitAssembler.assemble([
            (path: "x@.service", text: "[Service]\nExecStart=/bin/x\n"),
            (path: "d/x@.service.d/o.conf", text: "[Service]\nUser=u\n"),
        ])
        #expect(units.first?.setting("Service", "User")?.value == "u")
    }

    @Test func aDropInWithoutItsUnitIsAnError() {
        let (_, diagnostics) = UnitAssembler.assemble([(path: "o.conf", text: "[Service]\nUser=u\n")])
        #expect(diagnostics.hasErrors)
    }

    @Test func unitNames() throws {
        let template = try #require(UnitName("postgresql@.service"))
        #expect(template.isTemplate && template.prefix == "postgresql" && template.type == "service")
        let instance = try #require(UnitName("postgresql@15-main.service"))
        #expect(!instance.isTemplate && instance.instance == "15-main")
        #expect(instance.templateName == "postgresql@.service")
        #expect(UnitName.unescape("15-main") == "15/main")
        #expect(UnitName.unescape("a\\x2db") == "a-b")
        #expect(UnitName("noextension") == nil)
    }
}
