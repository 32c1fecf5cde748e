import Foundation
import TestSupport
import Testing

/// `smfkit validate`, as a maintainer runs it in CI, on the Tribblix
/// descriptors smfkit generates and on the overlays checked in under
/// overlays/: every lint rule passes (issue 18's among them: no SERVICE=
/// of a node's instance, no system directory given another owner, no
/// account another package owns). The one warning left is stolon's: its
/// package is one Tribblix no longer ships, which the site builds from the
/// packages/TRIBblix-stolon/ smfkit writes beside it.
@Suite struct ValidateTribblixOutputTests {
    /// The descriptor files of a generated tree smfkit's linter knows.
    static let descriptorNames: Set<String> = ["pkginfo", "depend", "prototype", "passwd", "group", "alias",
                                               "restart_fmri_list", "catalog"]

    static func descriptors(under directory: String) throws -> [String] {
        let paths = try FileManager.default.subpathsOfDirectory(atPath: directory)
        return paths.filter { path in
            let name = (path as NSString).lastPathComponent
            return descriptorNames.contains(name) || name.hasSuffix(".ovl") || name.hasSuffix(".pkgs")
        }.sorted().map { directory + "/" + $0 }
    }

    @Test(arguments: ["patroni", "stolon"])
    func generatedAndCheckedInDescriptorsPassTheLint(example: String) throws {
        let output = try Scratch.directory("validate-\(example)").path
        let generate = try Smfkit.run(["generate", "Examples/\(example).yaml", "--out", output])
        #expect(generate.status == 0, "\(generate.stderr)")
        let files = try Self.descriptors(under: output + "/packages") + Self.descriptors(under: output + "/overlays")
            + Self.descriptors(under: PackageRoot.path("overlays/\(example)"))
        #expect(files.count >= 12, "\(files)")
        let run = try Smfkit.run(["validate"] + files)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let diagnostics = run.stderr.split(separator: "\n").filter { $0.contains(": warning: ") || $0.contains(": error: ") }
        if example == "stolon" {
            #expect(diagnostics.count == 2, "\(diagnostics)")  // install/depend and TRIBblix-pgha/depend
            #expect(diagnostics.allSatisfy { $0.contains("TRIBblix-stolon is not in the Tribblix package list") })
        } else {
            #expect(diagnostics.isEmpty, "\(diagnostics)")
        }
    }
}
