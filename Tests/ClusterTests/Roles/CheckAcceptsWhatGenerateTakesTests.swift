import Testing
import Cluster

/// Looks for a counterexample to "a definition `smfkit check` accepts is one
/// `generate` does not refuse": random definitions around the limits (node
/// counts, roles, name and token lengths, IPv4 and IPv6, TLS on and off),
/// each run through every stage; none may fail the verify stage.
@Suite struct CheckAcceptsWhatGenerateTakesTests {
    /// SplitMix64: the same cases on every run, so a failure reproduces.
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
        mutating func pick<T>(_ choices: [T]) -> T { choices[next(choices.count)] }
    }

    static func definition(_ random: inout Random) -> String {
        let stack = random.pick(["patroni", "stolon"])
        let roles = stack == "patroni" ? ["etcd", "postgres", "proxy", "haproxy"] : ["etcd", "postgres", "sentinel", "proxy"]
        let count = 1 + random.next(11)
        let nameLength = random.pick([1, 8, 60, 119, 120])
        var text = "cluster: c\(random.pick(["", String(repeating: "x", count: 200)]))\nstack: \(stack)\nnodes:\n"
        for index in 0..<count {
            let suffix = "\(index)"
            let name = String(repeating: "n", count: max(1, nameLength - suffix.count)) + suffix
            let address = random.next(2) == 0 ? "10.0.0.\(index + 1)" : "fd00:aaaa:bbbb:cccc:dddd:eeee:ffff:\(index + 1)"
            text += "  - name: \(name)\n    address: \(address)\n"
            if random.next(3) > 0 {
                let chosen = roles.filter { _ in random.next(2) == 0 }
                text += "    roles: [\(chosen.joined(separator: ", "))]\n"
            }
        }
        text += "etcd:\n  token: \(String(repeating: "t", count: random.pick([4, 1_000, 4_095, 4_096, 5_000])))\n"
        text += "tls:\n  enabled: \(random.pick(["true", "false"]))\n"
        return text
    }

    @Test func noCheckedDefinitionFailsVerify() {
        var random = Random(state: 15)
        let pipeline = GenerationPipeline(templates: .standard)
        var generated = 0
        var refused = 0
        for _ in 0..<40 {
            let text = Self.definition(&random)
            switch pipeline.run(definitionText: text, file: "random.yaml") {
            case .generated: generated += 1
            case .invalidDefinition: refused += 1
            case .invalidOutput(let diagnostics):
                Issue.record("check accepted what verify refused: \(diagnostics.prefix(3).map(\.message))\n\(text.prefix(2_000))")
            }
        }
        // The loop explores both sides of the line, or it proves nothing.
        #expect(generated >= 5 && refused >= 5, "generated \(generated), refused \(refused)")
    }
}
