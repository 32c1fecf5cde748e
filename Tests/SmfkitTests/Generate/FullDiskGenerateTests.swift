import Foundation
import Testing

/// `smfkit generate` on a file system that fills up: exit 2 with the
/// reason, the previous generation untouched, nothing left half-written;
/// once there is room, the next run succeeds without --force (issue 11).
///
/// Needs a small file system of its own: a tmpfs the test mounts, which takes
/// root (CAP_SYS_ADMIN). Elsewhere it is skipped, saying so.
@Suite(.serialized) struct FullDiskGenerateTests {
    static let canMount: Bool = {
        guard geteuid() == 0 else { return false }
        let probe = FileManager.default.temporaryDirectory.appending(path: "smfkit-mount-probe-\(getpid())").path
        try? FileManager.default.createDirectory(atPath: probe, withIntermediateDirectories: true)
        defer { rmdir(probe) }
        guard mount("tmpfs", probe, "tmpfs", 0, "size=64k") == 0 else { return false }
        umount(probe)
        return true
    }()

    @Test(.enabled(if: canMount, "mounting a small tmpfs needs root (CAP_SYS_ADMIN)"))
    func aFullDiskLeavesThePreviousGenerationWhole() throws {
        let work = try GenerateHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let definitions = [work + "/a.yaml", work + "/b.yaml"]
        try GenerateHarness.definition(stack: "patroni", nodes: 12).write(toFile: definitions[0], atomically: true, encoding: .utf8)
        try GenerateHarness.definition(stack: "stolon", nodes: 12).write(toFile: definitions[1], atomically: true, encoding: .utf8)
        let references = try definitions.enumerated().map { index, definition in
            let reference = work + "/reference\(index)"
            _ = try GenerateHarness.generate(definition, out: reference)
            return GenerateHarness.snapshot(reference)
        }

        let disk = work + "/disk"
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
        try #require(mount("tmpfs", disk, "tmpfs", 0, "size=4m") == 0)
        defer { umount2(disk, Int32(MNT_DETACH)) }

        // A first generation on a full disk: refused, and finished later.
        let filler = disk + "/filler"
        fill(filler)
        let first = disk + "/first"
        let refused = try GenerateHarness.generate(definitions[0], out: first)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("No space left on device"), "\(refused.stderr)")
        #expect(GenerateHarness.snapshot(first) == [:])
        #expect(GenerateHarness.siblings(of: first) == [])
        unlink(filler)
        #expect(try GenerateHarness.generate(definitions[0], out: first).status == 0)
        #expect(GenerateHarness.snapshot(first) == references[0])

        // A second generation on a full disk: the first stays whole.
        fill(filler)
        let full = try GenerateHarness.generate(definitions[1], out: first)
        #expect(full.status == 2)
        #expect(full.stderr.contains("No space left on device"), "\(full.stderr)")
        #expect(GenerateHarness.snapshot(first) == references[0])
        #expect(GenerateHarness.siblings(of: first) == [])
        unlink(filler)
        let after = try GenerateHarness.generate(definitions[1], out: first)
        #expect(after.status == 0, "\(after.stderr)")
        #expect(GenerateHarness.snapshot(first) == references[1])
    }

    /// Writes until the file system is full.
    private func fill(_ path: String) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        defer { close(descriptor) }
        let block = [UInt8](repeating: 0x41, count: 4096)
        while block.withUnsafeBytes({ write(descriptor, $0.baseAddress, $0.count) }) > 0 {}
    }
}
