import Foundation
import Testing
@testable import Tribblix

@Suite("A generated SMF package: both forms, lint-clean and deterministic")
struct PackageTests {
    @Test("the build-tree form holds what tribblix/build keeps per package")
    func buildTreeFiles() throws {
        let tree = SamplePackage.make().buildTree()
        #expect(tree.files.map(\.path) == [
            "TRIBblix-pgha-etcd/alias", "TRIBblix-pgha-etcd/build.sh", "TRIBblix-pgha-etcd/depend",
            "TRIBblix-pgha-etcd/fixit",
            "TRIBblix-pgha-etcd/fixproto", "TRIBblix-pgha-etcd/group", "TRIBblix-pgha-etcd/passwd",
            "TRIBblix-pgha-etcd/pkginfo", "TRIBblix-pgha-etcd/pkginfo.arch", "TRIBblix-pgha-etcd/restart_fmri_list",
            "TRIBblix-pgha-etcd/user_attr", "patches/pgha-etcd.xml", "patches/svc-pgha-etcd",
        ])
        let byPath = tree.files.contentsByPath
        #expect(byPath["TRIBblix-pgha-etcd/restart_fmri_list"] == "svc:/system/manifest-import:default\n")
        #expect(byPath["TRIBblix-pgha-etcd/passwd"] == "etcd:x:140:140:etcd:/var/etcd:\n")
        #expect(byPath["TRIBblix-pgha-etcd/group"] == "etcd::140:\n")
        #expect(byPath["TRIBblix-pgha-etcd/pkginfo.arch"] == "ARCH=\"i386,sparc\"\n")
        #expect(tree.files.first { $0.path == "patches/svc-pgha-etcd" }?.mode == 0o755)
        // Every Tribblix package directory has a build.sh; this one has
        // nothing to compile, and hands create_pkg an empty proto area.
        let build = try #require(tree.files.first { $0.path == "TRIBblix-pgha-etcd/build.sh" })
        #expect(build.mode == 0o755)
        #expect(build.contents.contains("\"${THOME}/build/create_pkg\" TRIBblix-pgha-etcd \"$PROTO\"\n"))
    }

    @Test("the pkgmk form: complete pkginfo, prototype, install scripts, proto files")
    func pkgmkTree() {
        let tree = SamplePackage.make().pkgmkTree()
        #expect(tree.files.map(\.path) == [
            "install/depend", "install/postinstall", "install/postremove", "install/preinstall",
            "opt/tribblix/pgha-etcd/bin/svc-pgha-etcd", "pkginfo", "prototype",
            "var/svc/manifest/network/pgha-etcd.xml",
        ])
        #expect(tree.directories == [GeneratedDirectory(path: "var/etcd", mode: 0o750)])
        let byPath = tree.files.contentsByPath
        #expect(byPath["prototype"] == """
            i pkginfo=./pkginfo
            i depend=./install/depend
            i postinstall=./install/postinstall
            i postremove=./install/postremove
            i preinstall=./install/preinstall
            d none opt 0755 root sys
            d none opt/tribblix 0755 root bin
            d none opt/tribblix/pgha-etcd 0755 root bin
            d none opt/tribblix/pgha-etcd/bin 0755 root bin
            f none opt/tribblix/pgha-etcd/bin/svc-pgha-etcd 0755 root bin
            d none var 0755 root sys
            d none var/etcd 0750 etcd etcd
            d none var/svc 0755 root sys
            d none var/svc/manifest 0755 root sys
            d none var/svc/manifest/network 0755 root sys
            f none var/svc/manifest/network/pgha-etcd.xml 0644 root bin

            """)
        #expect(byPath["pkginfo"]?.contains("ARCH=\"i386,sparc\"\n") == true)
        #expect(byPath["pkginfo"]?.hasSuffix("BASEDIR=\"/\"\nCLASSES=\"none\"\n") == true)
        #expect(byPath["install/postinstall"] == """
            #!/sbin/sh
            # Automatically generated service restart script
            : "${BASEDIR:?pkgadd sets BASEDIR to the root being installed into}"
            if [ "${BASEDIR}" = "/" ]; then
              /usr/sbin/svcadm restart 'svc:/system/manifest-import:default'
            fi
            exit 0

            """)
        #expect(byPath["install/postremove"] == byPath["install/postinstall"])
    }

    @Test("every generated descriptor passes its own lint")
    func generatedPassesLint() {
        let package = SamplePackage.make()
        var linted = 0
        for file in package.buildTree().files + package.pkgmkTree().files {
            guard let found = TribblixLint.lint(text: file.contents, path: file.path) else { continue }
            #expect(found.isEmpty, "\(file.path): \(found)")
            linted += 1
        }
        // build tree: pkginfo, depend, alias, restart_fmri_list, passwd, group, user_attr;
        // pkgmk form: complete pkginfo, prototype, install/depend.
        #expect(linted == 10)
        let overlay = Overlay(descriptor: OverlayDescriptor(id: "pgha", version: 1, name: "PostgreSQL HA (patroni)",
                                                            requires: ["base", "patroni"],
                                                            services: ["svc:/network/pgha-etcd:default"]),
                              packages: OverlayPackageList(["TRIBblix-pgha-etcd"]))
        for file in overlay.files() {
            let found = TribblixLint.lint(text: file.contents, path: file.path)
            #expect(found == [], "\(file.path)")
        }
    }

    @Test("rendering is deterministic")
    func deterministic() {
        #expect(SamplePackage.make().pkgmkTree() == SamplePackage.make().pkgmkTree())
        #expect(SamplePackage.make().buildTree() == SamplePackage.make().buildTree())
    }

    @Test("a package without services has no restart scripts and no fixit, but a build.sh")
    func plainPackage() {
        let package = TribblixPackage(info: PackageInfo(pkg: "TRIBblix-x", name: "x", version: "1.0"))
        #expect(package.pkgmkTree().files.map(\.path) == ["pkginfo", "prototype"])
        #expect(package.buildTree().files.map(\.path) == ["TRIBblix-x/build.sh", "TRIBblix-x/pkginfo"])
        #expect(package.prototype.render() == "i pkginfo=./pkginfo\n")
    }
}

@Suite("Verifying rendered trees")
struct TreeLintTests {
    @Test("a whole rendered tree lints clean, and a broken one reports with the root prefix")
    func treeLint() {
        #expect(TribblixLint.lint(SamplePackage.make().buildTree(), root: "out/packages").isEmpty)
        var broken = SamplePackage.make()
        broken.info.version = "1.0-rc1"
        broken.accounts.users[0].uid = 0
        let found = TribblixLint.lint(broken.buildTree(), root: "out/packages")
        #expect(found.map(\.rule) == ["tribblix.passwd.ids", "tribblix.pkginfo.version"])
        #expect(found.first?.location.file == "out/packages/TRIBblix-pgha-etcd/passwd")
    }

    @Test("overlays generated together share one sorted catalog")
    func sharedCatalog() {
        let a = Overlay(descriptor: OverlayDescriptor(id: "pgha", version: 2, name: "a"), packages: OverlayPackageList(["TRIBa"]))
        let b = Overlay(descriptor: OverlayDescriptor(id: "pgha-stolon", version: 1, name: "b"), packages: OverlayPackageList(["TRIBb"]))
        let catalog = Overlay.catalog(for: [a, b])
        #expect(catalog.contents == "pgha-stolon|1||\npgha|2||\n")
        #expect(TribblixLint.lint(text: catalog.contents, path: catalog.path) == [])
    }
}
