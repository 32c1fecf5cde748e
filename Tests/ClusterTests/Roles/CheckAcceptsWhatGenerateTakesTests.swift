import Testing
import Cluster

/// Looks for a counterexample to "a definition `smfkit check` accepts is one
/// `generate` does not refuse": random definitions around the limits (node
/// counts, roles, name and token lengths, IPv4 and IPv6, TLS on and off,
/// hosts and placements),
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

    /// Half the time, 1–4 hosts with names up to past the limit; each
    /// node on one of them, now and then on one the list lacks or on none.
    /// Drawn from their own sequence, so the rest of each case is the one
    /// it was before hosts existed.
    struct Placement {
        var names: [String] = []
        var random: Random

        init(seed: UInt64) {
            random = Random(state: seed ^ 0x5EED_0F_4057)
            guard random.next(2) == 0 else { return }
            // One length for every name: 118 + a digit is the longest a host name may be.
            let length = random.pick([1, 30, 118, 119, 300])
            names = (0..<(1 + random.next(4))).map { index in String(repeating: "h", count: length) + "\(index)" }
        }

        /// The next node's `host` line: mostly round robin over the hosts
        /// (a placement that survives a host), sometimes a random host,
        /// now and then one the list lacks, or none.
        mutating func hostLine() -> String {
            guard !names.isEmpty else { return "" }
            placed += 1
            switch random.next(40) {
            case 0: return "    host: nowhere\n"
            case 1: return ""
            case 2...9: return "    host: \(random.pick(names))\n"
            default: return "    host: \(names[placed % names.count])\n"
            }
        }

        private var placed = 0

        var list: String {
            names.isEmpty ? "" : "hosts:\n" + names.map { "  - name: \($0)\n    ssh: root@\($0.suffix(5))\n" }.joined()
        }
    }

    static func definition(_ random: inout Random) -> String {
        let stack = random.pick(["patroni", "stolon"])
        let roles = stack == "patroni" ? ["etcd", "postgres", "proxy", "haproxy"] : ["etcd", "postgres", "sentinel", "proxy"]
        let count = 1 + random.next(11)
        let nameLength = random.pick([1, 8, 60, 119, 120])
        var placement = Placement(seed: random.state)
        var text = "cluster: c\(random.pick(["", String(repeating: "x", count: 200)]))\nstack: \(stack)\nnodes:\n"
        for index in 0..<count {
            let suffix = "\(index)"
            let name = String(repeating: "n", count: max(1, nameLength - suffix.count)) + suffix
            let address = random.next(2) == 0 ? "10.0.0.\(index + 1)" : "fd00:aaaa:bbbb:cccc:dddd:eeee:ffff:\(index + 1)"
            text += "  - name: \(name)\n    address: \(address)\n" + placement.hostLine()
            if random.next(3) > 0 {
                let chosen = roles.filter { _ in random.next(2) == 0 }
                text += "    roles: [\(chosen.joined(separator: ", "))]\n"
            }
        }
        text += placement.list
        text += "etcd:\n  token: \(String(repeating: "t", count: random.pick([4, 1_000, 4_095, 4_096, 5_000])))\n"
        text += "tls:\n  enabled: \(random.pick(["true", "false"]))\n"
        return text
    }

    @Test func noCheckedDefinitionFailsVerify() {
        var random = Random(state: 15)
        let pipeline = GenerationPipeline(templates: .standard)
        var generated = 0
        var refused = 0
        var generatedWithHosts = 0
        var refusedWithHosts = 0
        for _ in 0..<100 {
            let text = Self.definition(&random)
            switch pipeline.run(definitionText: text, file: "random.yaml") {
            case .generated:
                generated += 1
                if text.contains("\nhosts:") { generatedWithHosts += 1 }
            case .invalidDefinition:
                    refused += 1
                if text.contains("\nhosts:") { refusedWithHosts += 1 }
            case .invalidOutput(let diagnostics):
                Issue.record("check accepted what verify refused: \(diagnostics.prefix(3).map(\.message))\n\(text.prefix(2_000))")
            }
        }
        // The loop explores both sides of the line, or it proves nothing.
        #expect(generated >= 5 && refused >= 5, "generated \(generated), refused \(refused)")
        #expect(generatedWithHosts >= 3 && refusedWithHosts >= 3,
                "with hosts: generated \(generatedWithHosts), refused \(refusedWithHosts)")
    }
}
