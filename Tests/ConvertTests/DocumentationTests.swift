import Foundation
import Testing
@testable import Convert
@testable import Systemd

/// docs/convert.md names every directive the converter maps or has advice
/// for, every well-known unit, every capability and every rule id, so the
/// table cannot drift from the code.
@Suite struct DocumentationTests {
    static let document = (try? String(contentsOf: TestPaths.packageRoot.appending(path: "docs/convert.md"), encoding: .utf8)) ?? ""

    @Test func everyDirectiveIsInTheTable() {
        #expect(!Self.document.isEmpty)
        let keys = Set(DirectiveTable.mapped.values.flatMap { $0 }).union(DirectiveTable.advice.keys)
        for key in keys.sorted() {
            #expect(Self.document.contains("`\(key)=`"), "\(key)= is not in docs/convert.md")
        }
    }

    @Test func everyWellKnownUnitAndCapabilityIsInTheTable() {
        for name in WellKnownUnits.table.keys.sorted() {
            #expect(Self.document.contains("`\(name)`"), "\(name) is not in docs/convert.md")
        }
        for capability in Privileges.forCapability.keys.sorted() {
            #expect(Self.document.contains("`\(capability)`"), "\(capability) is not in docs/convert.md")
        }
    }

    @Test func everyRuleIdIsInTheTable() {
        for rule in ConvertRuleID.all + [SystemdRuleID.syntax, SystemdRuleID.execLine, SystemdRuleID.specifier] {
            #expect(Self.document.contains("| `\(rule)` |"), "\(rule) is not in docs/convert.md")
        }
    }
}
