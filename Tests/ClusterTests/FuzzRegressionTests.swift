import Foundation
import Testing
@testable import Cluster

/// Inputs the definition fuzz target (Fuzz/, `Scripts/fuzz definition`)
/// reported, kept under Fuzz/Regressions/definition/: each loads and checks
/// without a crash, in well under libFuzzer's 1 s limit.
@Suite struct FuzzRegressionTests {
    static let directory = Fixtures.path("Fuzz/Regressions/definition")

    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }

    @Test func thereAreRegressionInputs() {
        #expect(!Self.inputs.isEmpty)
    }

    @Test(arguments: inputs)
    func loadsAndChecksQuickly(name: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.directory + "/" + name))
        var load: CheckedDefinition?
        let elapsed = ContinuousClock().measure { load = DefinitionChecker.check(DefinitionLoader.load(data: data, file: name)) }
        #expect(load != nil)
        #expect(elapsed < .milliseconds(500), "\(name) took \(elapsed)")
    }
}
