import Cluster
import Foundation
import SMF
import Yams
#if canImport(Glibc)
import Glibc
#endif

/// What every loopback harness does with its scratch copy of an example:
/// writes the changed YAML and loads it back through every check (a copy
/// the checks refuse is the test's mistake, said at once), generates it,
/// plans one node, and makes the 0600 password files deploy.sh would.
enum ExampleCopy {
    /// Writes `root` to `copy` and returns the definition smfkit reads from it.
    static func write(_ root: Yams.Node, to copy: String) throws -> ClusterDefinition {
        try Yams.serialize(node: root).write(toFile: copy, atomically: true, encoding: .utf8)
        let load = try DefinitionChecker.check(DefinitionLoader.load(path: copy))
        guard let loaded = load.loaded, load.isValid else {
            throw E2EFailure("the test's copy of the example does not load: \(load.diagnostics)")
        }
        return loaded.definition
    }

    /// `smfkit generate` into `out` (again: into its own earlier output).
    static func generate(_ definitionPath: String, into out: String) throws {
        let run = try Command.run(E2EPrerequisites.smfkit, ["generate", definitionPath, "--out", out], timeout: 60)
        guard run.succeeded else { throw E2EFailure("smfkit generate exited \(run.status): \(run.stderr)") }
    }

    /// `smfkit plan` of `node`: what its restarter would start.
    static func plan(_ out: String, node: String) throws -> [PlanEntry] {
        let run = try Command.run(E2EPrerequisites.smfkit, ["plan", out, "--node", node, "--format", "json"], timeout: 60)
        guard run.succeeded else { throw E2EFailure("smfkit plan --node \(node) exited \(run.status): \(run.stderr)") }
        return try JSONDecoder().decode([PlanEntry].self, from: Data(run.stdout.utf8))
    }

    /// A new random password in `file`, created 0600 (never there before)
    /// and given to `owner`, its one reader; returns the password.
    static func writePassword(to file: String, owner: Account) throws -> String {
        var generator = SystemRandomNumberGenerator()
        let password = (0..<24).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
        return try writePassword(password, to: file, owner: owner)
    }

    /// `password` in `file`, created 0600 (never there before) and given to `owner`.
    @discardableResult
    static func writePassword(_ password: String, to file: String, owner: Account) throws -> String {
        let descriptor = open(file, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw E2EFailure("cannot create \(file)") }
        defer { close(descriptor) }
        let written = password.withCString { Glibc.write(descriptor, $0, strlen($0)) }
        guard written == password.utf8.count else { throw E2EFailure("cannot write \(file)") }
        chown(file, owner.uid, owner.gid)
        return password
    }
}
