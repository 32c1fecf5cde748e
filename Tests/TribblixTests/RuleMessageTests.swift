import Diagnostics
import Testing
@testable import Tribblix

@Suite("Diagnostics point at the problem and say what to do")
struct RuleMessageTests {
    @Test("the historical REQUIRE= typo is named and the fix suggested")
    func requireTypo() {
        let found = TribblixLint.lint(text: "VERSION=4\nNAME=PostgreSQL utilities\nREQUIRE=python313\n",
                                      path: "postgres-utils.ovl", kind: .overlay)
        #expect(found.count == 1)
        #expect(found.first?.rule == "tribblix.ovl.unknown-key")
        #expect(found.first?.location == SourceLocation(file: "postgres-utils.ovl", line: 3, column: 1))
        #expect(found.first?.message.contains("did you mean 'REQUIRES='") == true)
    }

    @Test("a bad VERSION is reported at the value's column")
    func versionColumn() {
        let found = TribblixLint.lint(text: "NAME=x\nVERSION=2.0\n", path: "x.ovl", kind: .overlay)
        #expect(found.map(\.description) == [
            "x.ovl:2:9: error: VERSION '2.0' is not an integer; write digits only (e.g. VERSION=1) and increment it on every change [tribblix.ovl.version-integer]",
        ])
    }

    @Test("a CRLF .ovl fails: zap's shell would keep the carriage return in VERSION")
    func carriageReturn() {
        let found = TribblixLint.lint(text: "VERSION=2\r\nNAME=x\r\n", path: "x.ovl", kind: .overlay)
        #expect(found.map(\.rule) == ["tribblix.ovl.version-integer"])
    }

    @Test("depend positions: the package name's column")
    func dependColumn() {
        let found = TribblixLint.lint(text: "P TRIBlibicu\nP  TRIBlibicu\n", path: "depend", kind: .depend)
        #expect(found.map(\.description) == [
            "depend:2:4: error: TRIBlibicu is already listed on line 1; remove the duplicate [tribblix.depend.duplicate]",
        ])
    }

    @Test("a blank depend line is reported by its own rule, not as a bad line type")
    func dependBlank() {
        let found = TribblixLint.lint(text: "P TRIBlibicu\n\n", path: "depend", kind: .depend)
        #expect(found.map(\.rule) == ["tribblix.depend.blank-line"])
    }

    @Test("package name rules of pkginfo(5)", arguments: [
        ("TRIBblix-etcd", true), ("SUNWcs", true), ("TRIBgtk+", true),
        ("9lives", false), ("-x", false), ("+x", false), ("install", false), ("new", false), ("all", false),
        ("TRIB_x", false), ("TRIB" + String(repeating: "x", count: 28), true),
        ("TRIB" + String(repeating: "x", count: 29), false), ("", false),
    ])
    func packageNames(name: String, valid: Bool) {
        #expect((PackageName.problem(with: name) == nil) == valid, "\(name) (\(name.count) chars)")
    }
}

@Suite("Recognising descriptor files")
struct DescriptorKindTests {
    @Test("by name", arguments: [
        ("overlays/patroni.ovl", DescriptorKind.overlay), ("patroni.pkgs", .overlayPackages),
        ("TRIBblix-etcd/pkginfo", .pkginfo), ("TRIBblix-postgres17/depend.sparc", .depend), ("x/depend", .depend),
        ("prototype", .prototype), ("overlays/catalog", .catalog), ("/etc/zap/repositories/tribblix.catalog", .catalog),
        ("/etc/zap/repositories/tribblix.overlays", .catalog), ("m38.1.i386/tribblix.repo", .repositoryDefinition),
        ("TRIBblix-haproxy2/restart_fmri_list", .restartFMRIList), ("TRIBblix-haproxy2/alias", .alias),
        ("alias.sparc", .alias), ("passwd", .passwd), ("group", .group), ("TRIBblix-forgejo/user_attr", .userAttr),
    ])
    func byName(path: String, kind: DescriptorKind) {
        #expect(TribblixLint.kind(ofPath: path) == kind)
    }

    @Test("not descriptors", arguments: ["README.md", "pkginfo.base", "pkginfo.arch", "alias.", "build_require", "x.xml", "depend.", "overlays.iso"])
    func notDescriptors(path: String) {
        #expect(TribblixLint.kind(ofPath: path) == nil)
    }

    @Test("the three .ovl formats are told apart by content")
    func ovlByContent() {
        #expect(TribblixLint.kind(ofPath: "a.ovl", contents: "VERSION=1\nNAME=a\n") == .overlay)
        #expect(TribblixLint.kind(ofPath: "a.ovl", contents: "NAME=x\nDESC=y\nURL=https://h/\n") == .repositoryDefinition)
        #expect(TribblixLint.kind(ofPath: "deprecated.ovl", contents: "postgres15\nwfuzz\n") == .overlayList)
        // A broken descriptor stays a descriptor, so it is reported, not excused.
        #expect(TribblixLint.kind(ofPath: "a.ovl", contents: "VERSION=1\nURL=https://h/\n") == .overlay)
        #expect(TribblixLint.kind(ofPath: "a.ovl", contents: "REQUIRE=base\n") == .overlay)
        #expect(TribblixLint.kind(ofPath: "a.ovl", contents: "") == .overlay)
    }

    @Test("an overlay repository definition must not be signed")
    func signedOverlayRepository() {
        let text = "NAME=x\nDESC=y\nURL=https://h/\nSIGNED=tribblix\n"
        let found = TribblixLint.lint(text: text, path: "x.ovl", kind: .repositoryDefinition)
        #expect(found.map(\.rule) == ["tribblix.repo.unknown-key"])
        #expect(TribblixLint.lint(text: text, path: "x.repo", kind: .repositoryDefinition).isEmpty)
    }
}

/// The rules issue 18's review had to apply by hand, on the cases it found.
@Suite struct TribblixHostRuleTests {
    @Test func anotherPackagesAccountIsNamedWithItsOwner() {
        let found = TribblixLint.lint(text: "haproxy:x:126:126:haproxy for c:/var/pgha:\n", path: "TRIBblix-pgha/passwd",
                                      kind: .passwd)
        #expect(found.map(\.rule) == ["tribblix.passwd.owned-account"])
        #expect(found.first?.message.contains("belongs to TRIBblix-haproxy2") == true)
        #expect(found.first?.severity == .warning)
        // The owner's own file and its kept 1.x copy pass.
        #expect(TribblixLint.lint(text: "haproxy::126:\n", path: "TRIBblix-haproxy2/group", kind: .group).isEmpty)
        #expect(TribblixLint.lint(text: "haproxy::126:\n", path: "TRIBblix-haproxy@history/group", kind: .group).isEmpty)
    }

    @Test func everyNodesInstanceInSERVICEIsRefusedButDefaultPasses() {
        let text = "VERSION=1\nNAME=x\nSERVICE=svc:/network/haproxy2:default\nSERVICE=svc:/network/pgha/etcd:node2\n"
        let found = TribblixLint.lint(text: text, path: "pgha.ovl", kind: .overlay)
        #expect(found.map(\.rule) == ["tribblix.ovl.service-instance"])
        #expect(found.first?.location.line == 4)
    }

    @Test func systemDirectoriesKeepIllumosOwnership() {
        let text = "i pkginfo=./pkginfo\nd none var 0755 root sys\nd none var/opt 0755 root bin\nd none var/pgha 0755 root bin\n"
        let found = TribblixLint.lint(text: text, path: "prototype", kind: .prototype)
        #expect(found.map(\.rule) == ["tribblix.prototype.system-directory"])
        #expect(found.first?.message.contains("illumos delivers var/opt as root:sys") == true)
        #expect(found.first?.location.line == 3)
    }

    @Test func aDroppedPackageIsAWarningNamingTheWayOut() {
        let found = TribblixLint.lint(text: "P TRIBblix-etcd\nP TRIBblix-stolon\n", path: "depend", kind: .depend)
        #expect(found.map(\.rule) == ["tribblix.depend.unknown-package"])
        #expect(found.first?.severity == .warning)
        #expect(found.first?.message.contains("TRIBblix-stolon is not in the Tribblix package list") == true)
        #expect(TribblixPackageList.overlays(shipping: "TRIBblix-etcd") == ["patroni"])
    }
}
