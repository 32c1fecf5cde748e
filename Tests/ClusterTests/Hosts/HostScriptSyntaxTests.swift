import Foundation
import TestSupport
import Testing

/// Every host's deploy script is a shell program whatever its host holds:
/// a host of one node with a single role leaves most steps with nothing to
/// do, and a step whose body renders empty is a syntax error (`phase_proxy()
/// { }` on a host without haproxy was one). Each stack's example is placed
/// on three hosts, plus a fourth host `x` with one node of one role, TLS on
/// and off, and every generated script must parse (`sh -n`); the fourth
/// host's must pass shellcheck.
@Suite struct HostScriptSyntaxTests {
    struct Placement: CustomTestStringConvertible, Sendable {
        let stack: String
        let role: String
        let tls: Bool
        var testDescription: String { "\(stack), x holds [\(role)], TLS \(tls ? "on" : "off")" }
    }

    static let roles = ["patroni": ["etcd", "postgres", "proxy"], "stolon": ["etcd", "postgres", "sentinel", "proxy"],
                        "etcd": ["etcd"], "replication": ["postgres"]]

    static let placements: [Placement] = roles.keys.sorted().flatMap { stack in
        roles[stack]!.flatMap { role in [true, false].map { Placement(stack: stack, role: role, tls: $0) } }
    }

    static func definition(_ placement: Placement) throws -> String {
        var text = try String(contentsOfFile: Fixtures.path("Examples/\(placement.stack).yaml"), encoding: .utf8)
        for index in 1...3 {
            text = text.replacingOccurrences(of: "    address: 192.168.0.23\(index)\n",
                                             with: "    address: 192.168.0.23\(index)\n    host: h\(index)\n")
        }
        text = text.replacingOccurrences(
            of: "\nnodes:\n",
            with: "\nhosts:\n  - name: h1\n  - name: h2\n  - name: h3\n  - name: x\n\nnodes:\n"
                + "  - name: node4\n    address: 192.168.0.234\n    host: x\n    roles: [\(placement.role)]\n"
                + (placement.stack == "stolon" ? "    keeper_id: postgres9\n" : ""))
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
