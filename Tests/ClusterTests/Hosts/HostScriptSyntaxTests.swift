import Foundation
import TestSupport
import Testing

/// Every host's deploy script is a shell program whatever its host holds:
/// a host of one node with a single role leaves most steps with nothing to
/// do, and a step whose body renders empty is a syntax error (`phase_proxy()
/// { }` on a host without haproxy was one). Each stack's example, and
/// patroni on an existing etcd, is placed on three hosts plus a fourth host
/// `x` with one node of one role, TLS on and off; every generated script
/// must parse (`sh -n`) and x's must pass shellcheck.
@Suite struct HostScriptSyntaxTests {
    struct Placement: CustomTestStringConvertible, Sendable {
        /// The example under Examples/, without `.yaml`.
        let example: String
        let role: String
        let tls: Bool
        var testDescription: String { "\(example), x holds [\(role)], TLS \(tls ? "on" : "off")" }
    }

    /// Each example and the roles its nodes may have; shared-etcd/orders is
    /// patroni on an existing etcd, which it names by definition.
    static let roles = ["patroni": ["etcd", "postgres", "proxy"], "stolon": ["etcd", "postgres", "sentinel", "proxy"],
                        "etcd": ["etcd"], "replication": ["postgres"], "shared-etcd/orders": ["postgres", "proxy"]]

    static let placements: [Placement] = roles.keys.sorted().flatMap { example in
        roles[example]!.flatMap { role in [true, false].map { Placement(example: example, role: role, tls: $0) } }
    }

    static func definition(_ placement: Placement) throws -> String {
        var text = try String(contentsOfFile: Fixtures.path("Examples/\(placement.example).yaml"), encoding: .utf8)
        for index in 1...3 {
            text = text.replacingOccurrences(of: "    address: 192.168.0.23\(index)\n",
                                             with: "    address: 192.168.0.23\(index)\n    host: h\(index)\n")
        }
        text = text.replacingOccurrences(
            of: "\nnodes:\n",
            with: "\nhosts:\n  - name: h1\n  - name: h2\n  - name: h3\n  - name: x\n\nnodes:\n"
                + "  - name: node4\n    address: 192.168.0.234\n    host: x\n    roles: [\(placement.role)]\n"
                + (placement.example == "stolon" ? "    keeper_id: postgres9\n" : ""))
        if !placement.tls {
            text = text.replacingOccurrences(of: "tls:\n  enabled: true\n", with: "tls:\n  enabled: false\n")
        }
        return text
    }

    @Test(arguments: placements)
    func everyScriptParses(_ placement: Placement) throws {
        let scratch = try Generated.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try Self.definition(placement).write(toFile: scratch + "/cluster.yaml", atomically: true, encoding: .utf8)
        // The existing etcd the shared-etcd example names, beside it, TLS as the cluster's.
        var etcd = try String(contentsOfFile: Fixtures.path("Examples/shared-etcd/etcd.yaml"), encoding: .utf8)
        if !placement.tls {
            etcd = etcd.replacingOccurrences(of: "tls:\n  enabled: true\n", with: "tls:\n  enabled: false\n")
        }
        try etcd.write(toFile: scratch + "/etcd.yaml", atomically: true, encoding: .utf8)
        let scripts = try Generated.files(ofDefinition: scratch + "/cluster.yaml").filter { $0.path.hasSuffix(".sh") }
        #expect(scripts.contains { $0.path == "deploy-x.sh" })
        for script in scripts {
            let path = scratch + "/" + script.path.replacingOccurrences(of: "/", with: "_")
            try script.contents.write(toFile: path, atomically: true, encoding: .utf8)
            let parse = try runProcess(URL(fileURLWithPath: "/bin/sh"), ["-n", path])
            #expect(parse.status == 0, "\(script.path): \(parse.stderr)")
        }
        // x's own script is the one an unusual placement shapes: shellcheck it too.
        guard let shellcheck = findExecutable("shellcheck") else {
            #expect(!CI.isRunning, "shellcheck is not installed")
            return
        }
        let check = try runProcess(shellcheck, ["--shell=sh", "--severity=style", scratch + "/deploy-x.sh"])
        #expect(check.status == 0, "deploy-x.sh: \(check.stdout)")
    }
}
