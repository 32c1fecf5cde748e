import Cluster
import Testing

/// `smfkit init`'s text: valid, the walk-through, and honest about defaults.
@Suite struct ExampleDefinitionTextTests {
    @Test(arguments: Stack.allCases)
    func initTextPassesEveryCheck(_ stack: Stack) {
        let result = DefinitionChecker.check(DefinitionLoader.load(text: ExampleDefinition.text(stack: stack), file: "init.yaml"))
        // stolon's package is one Tribblix removed: the one warning its text must give.
        #expect(result.diagnostics.map(\.rule) == (stack == .stolon ? ["cluster.tribblix.package"] : []))
        #expect(result.loaded?.definition.stack == stack)
    }

    @Test(arguments: Stack.allCases)
    func initTextMeansTheSameAsTheExample(_ stack: Stack) throws {
        let fromInit = try #require(DefinitionLoader.load(text: ExampleDefinition.text(stack: stack), file: "i").loaded)
        let example = try #require(try DefinitionLoader.load(path: Fixtures.path("Examples/\(stack.rawValue).yaml")).loaded)
        #expect(fromInit.definition == example.definition)
    }

    /// Uncommenting every commented key changes nothing: the comments show
    /// the real defaults.
    @Test(arguments: Stack.allCases)
    func commentedKeysShowTheDefaults(_ stack: Stack) throws {
        let text = ExampleDefinition.text(stack: stack)
        var uncommented = 0
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard let hash = line.firstIndex(of: "#") else { return String(line) }
            let indent = line[..<hash]
            let rest = line[line.index(after: hash)...].drop(while: { $0 == " " })
            let isKey = indent.allSatisfy { $0 == " " } && rest.first?.isLowercase == true
                && (rest.split(separator: ":").first?.allSatisfy { $0.isLowercase || $0 == "_" } ?? false)
            guard isKey else { return String(line) }
            uncommented += 1
            // "#   etcd: x" under "# paths:" keeps its nesting: two spaces per level after '#'.
            let extra = line[line.index(after: hash)...].prefix(while: { $0 == " " }).count - 1
            return String(indent) + String(repeating: " ", count: extra) + String(rest)
        }
        // stolon shows fewer: init leaves out what only patroni reads (cluster.stack.ignored);
        // etcd fewer still: it reads no PostgreSQL key (etcd's paths and the node's directories).
        #expect(uncommented >= (stack == .etcd ? 5 : 12))
        let original = try #require(DefinitionLoader.load(text: text, file: "i").loaded)
        let expanded = DefinitionChecker.check(DefinitionLoader.load(text: lines.joined(separator: "\n"), file: "u"))
        #expect(expanded.diagnostics.map(\.rule) == (stack == .stolon ? ["cluster.tribblix.package"] : []))
        #expect(expanded.loaded?.definition == original.definition)
    }
}
