import Foundation
import TestSupport
import Testing
import Tribblix

/// The mistakes Tribblix fixed in its history, re-made on today's real
/// files: each must fail for exactly the rule that names it.
@Suite("Corpus files with a historical mistake re-made", .needsCorpus)
struct CorpusMutationTests {
    /// Corpus files of `kind` whose text contains `needle` (so the mutation
    /// below really changes them).
    static func files(of kind: DescriptorKind, containing needle: String = "") -> [String] {
        CorpusVerdicts.expected.filter { $0.value.0 == kind }.map(\.key).sorted().filter { file in
            let text = try? CorpusTests.text(file)
            return text?.contains(needle) ?? false || needle.isEmpty
        }
    }

    static func lint(_ file: String, _ mutate: (String) -> String) throws -> Set<String> {
        let text = try CorpusTests.text(file)
        let mutated = mutate(text)
        #expect(mutated != text, "the mutation left \(file) unchanged")
        let kind = try #require(CorpusVerdicts.expected[file]?.0)
        return Set(TribblixLint.lint(text: mutated, path: file, kind: kind).map(\.rule))
    }

    @Test("the mutated file lists are not empty")
    func listsArePopulated() throws {
        _ = try Corpus.require()
        #expect(Self.files(of: .overlay, containing: "REQUIRES=").count == 22)
        #expect(Self.files(of: .overlayPackages).count == 28)
        #expect(Self.files(of: .pkginfo).count == 14)
        #expect(Self.files(of: .depend).count == 9)
    }

    @Test("the REQUIRE= typo", arguments: files(of: .overlay, containing: "REQUIRES="))
    func requireTypo(file: String) throws {
        let rules = try Self.lint(file) { $0.replacingOccurrences(of: "REQUIRES=", with: "REQUIRE=") }
        #expect(rules == ["tribblix.ovl.unknown-key"])
    }

    @Test("a package listed twice", arguments: files(of: .overlayPackages))
    func duplicatePackage(file: String) throws {
        let rules = try Self.lint(file) { text in text + (text.split(separator: "\n").first.map { $0 + "\n" } ?? "") }
        #expect(rules == ["tribblix.pkgs.duplicate"])
    }

    @Test("a VERSION without the rebuild counter", arguments: files(of: .pkginfo))
    func versionWithoutRebuild(file: String) throws {
        let rules = try Self.lint(file) { text in
            text.split(separator: "\n").map { line in
                line.hasPrefix("VERSION=\"") ? "VERSION=\"\(line.dropFirst(9).dropLast())-tribblix\"" : String(line)
            }.joined(separator: "\n") + "\n"
        }
        #expect(rules == ["tribblix.pkginfo.version"])
    }

    @Test("a reverse dependency line", arguments: files(of: .depend))
    func reverseDependency(file: String) throws {
        let rules = try Self.lint(file) { $0 + "R TRIBblix-haproxy2\n" }
        // Beside what the file already gets (haproxy 1.x's depend names the
        // since removed TRIBlib-pcre).
        let before = try #require(CorpusVerdicts.expected[file]?.1)
        #expect(rules.subtracting(before) == ["tribblix.depend.line-type"])
    }
}
