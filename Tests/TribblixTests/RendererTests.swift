import Foundation
import TestSupport
import Testing
@testable import Tribblix

/// Renderers reproduce Tribblix's own files byte for byte.
@Suite("Renderers match Tribblix's own files")
struct RendererTests {
    static func corpus(_ path: String) throws -> String {
        try CorpusTests.text(path)
    }

    @Test("patroni.ovl and boot-server.ovl", .needsCorpus)
    func overlays() throws {
        let patroni = OverlayDescriptor(id: "patroni", version: 29, name: "Patroni", requires: ["base", "httpx", "python313"])
        #expect(patroni.render() == (try Self.corpus("overlays/patroni.ovl")))
        let boot = OverlayDescriptor(id: "boot-server", version: 9, name: "Boot/install server", requires: ["base"],
                                     services: ["svc:/network/tftp/udp6:default", "svc:/network/rarp:default",
                                                "svc:/network/rpc/bootparams:default"])
        #expect(boot.render() == (try Self.corpus("overlays/boot-server.ovl")))
        #expect(patroni.catalogLine.render() == "patroni|29||\n")
    }

    @Test("postgres17.pkgs", .needsCorpus)
    func packageList() throws {
        let list = OverlayPackageList(["TRIBlibicu", "TRIBperl-542", "TRIBtext-locale", "TRIBblix-postgres17"])
        #expect(list.render() == (try Self.corpus("overlays/postgres17.pkgs")))
        #expect(OverlayPackageList(["a", "b", "a"]).withoutDuplicates.packages == ["a", "b"])
    }

    @Test("the overlay catalog is ordered as the shell glob orders <id>.ovl", .needsCorpus)
    func catalogOrder() throws {
        let lines = [OverlayCatalogLine(id: "base", version: 60), OverlayCatalogLine(id: "base-cloud", version: 1),
                     OverlayCatalogLine(id: "abiword", version: 11)]
        #expect(OverlayCatalogLine.renderCatalog(lines) == "abiword|11||\nbase-cloud|1||\nbase|60||\n")
        let real = try Self.corpus("overlays/catalog")
        #expect(real.contains("base-cloud|1||\nbase-extras|37||\nbase-iso|27||\nbase-server|2||\nbase|60||\n"))
    }

    @Test("TRIBblix-haproxy2's descriptors", .needsCorpus)
    func haproxy2() throws {
        let info = PackageInfo(pkg: "TRIBblix-haproxy2", name: "High Performance TCP/HTTP Load Balancer",
                               version: PackageInfo.version(upstream: "2.6.31"), zapURL: "http://www.haproxy.org/")
        #expect(info.renderFragment() == (try Self.corpus("packages/TRIBblix-haproxy2/pkginfo")))
        #expect(info.renderArchFragment() == nil)
        #expect(info.renderComplete() == Fixtures.complete)
        let depend = DependFile(prerequisites: ["TRIBlib-pcre2", "TRIBlib-security-openssl"])
        #expect(depend.render() == (try Self.corpus("packages/TRIBblix-haproxy2/depend")))
        #expect(RestartFMRIList().render() == (try Self.corpus("packages/TRIBblix-haproxy2/restart_fmri_list")))
        let accounts = ServiceAccounts(users: [ServiceUser(name: "haproxy", uid: 126, comment: "haproxy", home: "/opt/tribblix/haproxy")],
                                       groups: [ServiceGroup(name: "haproxy", gid: 126)])
        #expect(accounts.renderPasswd() == (try Self.corpus("packages/TRIBblix-haproxy2/passwd")))
        #expect(accounts.renderGroup() == (try Self.corpus("packages/TRIBblix-haproxy2/group")))
        #expect(AliasList(["haproxy", "haproxy2"]).render() == (try Self.corpus("packages/TRIBblix-haproxy2/alias")))
        #expect(AliasList(["haproxy"]).repositoryLines(for: "TRIBblix-haproxy2") == "haproxy|TRIBblix-haproxy2\n")
    }

    @Test("zookeeper's pkginfo.arch and user_attr, promnode's passwd with a shell", .needsCorpus)
    func archAndUserAttr() throws {
        let info = PackageInfo(pkg: "TRIBblix-zookeeper", name: "Zookeeper", version: "3.9.5.0", architectures: ["i386", "sparc"])
        #expect(info.renderArchFragment() == (try Self.corpus("packages/TRIBblix-zookeeper/pkginfo.arch")))
        let attribute = UserAttribute(user: "zookeeper",
                                      authorizations: ["tribblix.smf.manage.zookeeper", "tribblix.smf.modify.zookeeper"])
        #expect(attribute.userAttrLine + "\n" == (try Self.corpus("packages/TRIBblix-zookeeper/user_attr")))
        let promnode = ServiceUser(name: "promnode", uid: 131, comment: "Prometheus agent", home: "/var/empty", shell: "/sbin/nologin")
        #expect(promnode.passwdLine + "\n" == (try Self.corpus("packages/TRIBblix-promnode/passwd")))
    }

    @Test("the package catalog line")
    func packageCatalogLine() {
        let line = PackageCatalogLine(package: "TRIBaalib", version: "1.4.0.3", dependencies: ["TRIBx11-libx11"],
                                      zapSize: 131550, zapMD5: "0fd09600113ad74c28e9463c7f8393ee")
        #expect(line.render() == Fixtures.packageCatalog)
        #expect(line.zapFileName == "TRIBaalib.1.4.0.3.zap")
        #expect(TribblixLint.lint(text: line.render(), path: "catalog", kind: .catalog).isEmpty)
    }
}
