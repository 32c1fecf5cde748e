import Diagnostics
import Foundation
import TestSupport
import Testing
import Tribblix

/// Every file under the corpus's tribblix/ folder that the linter recognises,
/// with the verdict Tribblix's own checks give it. Derived by reading the
/// files against reference/tribblix.md §1–§3 and §5: everything Tribblix
/// ships today passes, and so do the stored historical versions — they were
/// retired (postgres11, haproxy 1.x, stolon, the python 2.7 patroni list),
/// not fixed, so no rule applies to them. The REQUIRE= typo Tribblix fixed
/// is not among the stored files; RuleMessageTests reproduces it.
enum CorpusVerdicts {
    /// Relative path → (kind, rule ids expected; empty = passes).
    static let expected: [String: (DescriptorKind, Set<String>)] = {
        var table: [String: (DescriptorKind, Set<String>)] = [:]
        let overlays = [
            "amp-stack", "base", "boot-server", "boto", "cli-tools", "core-tribblix", "develop", "gnupg2", "httpx",
            "kitchen-sink", "monitoring", "nameserver", "patroni", "postgis", "postgres-utils", "postgres17",
            "printing", "python313", "retro-desktop", "samba", "server", "storage-server", "tls", "tomcat10",
            "zabbix-server",
        ]
        for overlay in overlays {
            table["overlays/\(overlay).ovl"] = (.overlay, [])
            table["overlays/\(overlay).pkgs"] = (.overlayPackages, [])
        }
        for history in ["patroni@b35caa44406f/patroni", "postgres11@ba495a0c0400/postgres11"] {
            table["overlays/history/\(history).ovl"] = (.overlay, [])
            table["overlays/history/\(history).pkgs"] = (.overlayPackages, [])
        }
        table["overlays/catalog"] = (.catalog, [])
        // zap's upgrade lists share the suffixes but hold names only.
        table["overlays/zap-deprecated/deprecated.ovl"] = (.overlayList, [])
        table["overlays/zap-deprecated/deprecated.pkgs"] = (.overlayPackages, [])
        // /etc/zap of release m38.1: repository definitions.
        for repository in ["illumos.repo", "release.repo", "tribblix.repo", "tribblix.ovl"] {
            table["packages/_zap-repo-config/m38.1.i386/\(repository)"] = (.repositoryDefinition, [])
        }
        let packages = [
            "TRIBblix-etcd", "TRIBblix-forgejo", "TRIBblix-haproxy2", "TRIBblix-haproxy@history", "TRIBblix-mariadb",
            "TRIBblix-postgres11@history", "TRIBblix-postgres17", "TRIBblix-promnode", "TRIBblix-stolon",
            "TRIBblix-zabbix", "TRIBblix-zookeeper", "TRIBetcd-python-313", "TRIBminidlna", "TRIBpatroni-python-313",
        ]
        for package in packages { table["packages/\(package)/pkginfo"] = (.pkginfo, []) }
        let withDepend = [
            "TRIBblix-haproxy2", "TRIBblix-haproxy@history", "TRIBblix-mariadb", "TRIBblix-postgres11@history",
            "TRIBblix-postgres17", "TRIBetcd-python-313", "TRIBminidlna", "TRIBpatroni-python-313",
        ]
        for package in withDepend { table["packages/\(package)/depend"] = (.depend, []) }
        table["packages/TRIBblix-postgres17/depend.sparc"] = (.depend, [])
        // haproxy 1.x depended on TRIBlib-pcre, which Tribblix has since removed (zap's deprecated.pkgs).
        table["packages/TRIBblix-haproxy@history/depend"] = (.depend, ["tribblix.depend.unknown-package"])
        let withAlias = [
            "TRIBblix-etcd", "TRIBblix-forgejo", "TRIBblix-haproxy2", "TRIBblix-haproxy@history", "TRIBblix-mariadb",
            "TRIBblix-postgres11@history", "TRIBblix-postgres17", "TRIBblix-stolon", "TRIBblix-zookeeper",
            "TRIBminidlna", "TRIBpatroni-python-313",
        ]
        for package in withAlias { table["packages/\(package)/alias"] = (.alias, []) }
        let withService = [
            "TRIBblix-forgejo", "TRIBblix-haproxy2", "TRIBblix-haproxy@history", "TRIBblix-mariadb", "TRIBblix-promnode",
            "TRIBblix-zookeeper",
        ]
        for package in withService {
            table["packages/\(package)/restart_fmri_list"] = (.restartFMRIList, [])
            table["packages/\(package)/passwd"] = (.passwd, [])
            table["packages/\(package)/group"] = (.group, [])
        }
        for package in ["TRIBblix-forgejo", "TRIBblix-zookeeper"] {
            table["packages/\(package)/user_attr"] = (.userAttr, [])
        }
        return table
    }()
}

@Suite("Corpus: real Tribblix descriptors get Tribblix's verdict", .needsCorpus)
struct CorpusTests {
    /// `corpus/tribblix` of the external corpus.
    static func root() throws -> URL { try Corpus.url("tribblix").standardized }

    /// The text of `corpus/tribblix/<relative>`.
    static func text(_ relative: String) throws -> String {
        try String(contentsOf: root().appendingPathComponent(relative), encoding: .utf8)
    }

    static func allFiles() throws -> [String] {
        let root = try root()
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var paths: [String] = []
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            paths.append(String(url.standardized.path.dropFirst(root.path.count + 1)))
        }
        return paths.sorted()
    }

    @Test("the table lists exactly the files the linter recognises")
    func tableCoversCorpus() throws {
        let files = try Self.allFiles()
        let root = try Self.root()
        try #require(files.count > 100, "corpus incomplete at \(root.path)")
        var recognised: [String: DescriptorKind] = [:]
        for file in files {
            let text = try Self.text(file)
            if let kind = TribblixLint.kind(ofPath: file, contents: text) { recognised[file] = kind }
        }
        #expect(Set(recognised.keys) == Set(CorpusVerdicts.expected.keys),
                "unlisted: \(Set(recognised.keys).subtracting(CorpusVerdicts.expected.keys).sorted()), missing: \(Set(CorpusVerdicts.expected.keys).subtracting(recognised.keys).sorted())")
        for (file, kind) in recognised {
            #expect(CorpusVerdicts.expected[file]?.0 == kind, "\(file) recognised as \(kind)")
        }
    }

    @Test("verdict", arguments: CorpusVerdicts.expected.keys.sorted())
    func verdict(file: String) throws {
        let text = try Self.text(file)
        let expected = try #require(CorpusVerdicts.expected[file])
        let found = TribblixLint.lint(text: text, path: file, kind: expected.0)
        #expect(Set(found.map(\.rule)) == expected.1, "\(file): \(found.map(\.description))")
    }

    @Test("every current overlay in the catalog has the catalog's version")
    func catalogMatchesOverlays() throws {
        let catalog = try Self.text("overlays/catalog")
        var versions: [String: String] = [:]
        for line in catalog.split(separator: "\n") {
            let fields = line.split(separator: "|", omittingEmptySubsequences: false)
            versions[String(fields[0])] = String(fields[1])
        }
        var checked = 0
        for file in CorpusVerdicts.expected.keys where file.hasPrefix("overlays/") && !file.contains("/history/")
            && CorpusVerdicts.expected[file]?.0 == .overlay {
            let text = try Self.text(file)
            let version = text.split(separator: "\n").first { $0.hasPrefix("VERSION=") }?.dropFirst("VERSION=".count)
            let id = String(file.dropFirst("overlays/".count).dropLast(".ovl".count))
            #expect(versions[id] == version.map(String.init), "\(id)")
            checked += 1
        }
        #expect(checked == 25)
    }
}

@Suite("Facts taken from the corpus", .needsCorpus)
struct CorpusFactsTests {
    @Test("the account registry is Tribblix's User.txt")
    func registryMatchesUserTxt() throws {
        let text = try CorpusTests.text("packages/_framework/User.txt")
        var allocations: [Int: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count >= 2, let id = Int(fields[0]) else { continue }
            allocations[id] = String(fields[1])
        }
        #expect(allocations == TribblixAccountRegistry.allocations)
        #expect(TribblixAccountRegistry.firstUnallocatedID == 138)
    }

    @Test("pkginfo.base is what the complete pkginfo appends")
    func pkginfoBase() throws {
        let text = try CorpusTests.text("packages/_framework/pkginfo.base")
        #expect(PackageInfo.base.map { "\($0.0)=\"\($0.1)\"\n" }.joined() == text)
    }
}
