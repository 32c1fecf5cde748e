import Foundation
import Testing
@testable import Cluster

/// The top-level overlays/ folder holds the overlays smfkit generates for the
/// stock stacks, for maintainers to copy into an overlay repository. They
/// must be exactly what smfkit generates today; to accept a deliberate change:
///
///     SMFKIT_UPDATE_GOLDEN=1 swift test --filter CheckedInOverlayTests
@Suite struct CheckedInOverlayTests {
    @Test(arguments: ["patroni", "stolon", "etcd", "replication"])
    func checkedInOverlayIsWhatSmfkitGenerates(example: String) throws {
        let generated = try Generated.files(ofExample: example).filter { $0.path.hasPrefix("overlays/") }
        #expect(generated.count == 3, "an overlay is a .ovl, a .pkgs and a catalog line")
        let folder = Fixtures.path("overlays/\(example)")
        if GoldenFileTests.updating {
            try? FileManager.default.removeItem(atPath: folder)
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for file in generated {
                let name = String(file.path.dropFirst("overlays/".count))
                try file.contents.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
            }
            return
        }
        let checkedIn = Set(try FileManager.default.contentsOfDirectory(atPath: folder))
        #expect(checkedIn == Set(generated.map { String($0.path.dropFirst("overlays/".count)) }))
        for file in generated {
            let name = String(file.path.dropFirst("overlays/".count))
            let text = try? String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            #expect(text == file.contents, "overlays/\(example)/\(name) is not what smfkit generates; regenerate it")
        }
    }
}
