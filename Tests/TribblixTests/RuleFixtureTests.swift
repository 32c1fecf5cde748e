import Diagnostics
import Foundation
import Testing
@testable import Tribblix

/// A passing and a failing document for one rule. The passing one must be
/// clean (no diagnostics at all), the failing one must trigger the rule.
struct RuleFixture: Sendable {
    let kind: DescriptorKind
    let path: String
    let passing: String
    let failing: String
}

enum Fixtures {
    static let overlay = "VERSION=3\nNAME=PostgreSQL HA\nREQUIRES=base\nREQUIRES=patroni\nSERVICE=svc:/network/etcd:default\nSERVICE=svc:/network/patroni:default\n"
    static let packageList = "TRIBblix-etcd\nTRIBblix-haproxy2\n"
    static let overlayCatalog = "base|60||\npatroni|29||\n"
    static let packageCatalog = "TRIBaalib|1.4.0.3|TRIBx11-libx11|131550|0fd09600113ad74c28e9463c7f8393ee|\n"
    static let repository = "NAME=tribblix\nDESC=Tribblix packages\nURL=https://pkgs.tribblix.org/tribblix-m38/\nSIGNED=tribblix\n"
    static let fragment = "PKG=\"TRIBblix-etcd\"\nNAME=\"Etcd distributed key-value store\"\nVERSION=\"3.7.1.0\"\nZAP_URL=\"https://github.com/etcd-io/etcd\"\n"
    static let complete = """
        PKG="TRIBblix-haproxy2"
        NAME="High Performance TCP/HTTP Load Balancer"
        VERSION="2.6.31.0"
        ZAP_URL="http://www.haproxy.org/"
        ARCH="i386"
        CATEGORY="application"
        VENDOR="Tribblix"
        EMAIL="tribblix@gmail.com"
        PSTAMP="tribblix"
        BASEDIR="/"
        CLASSES="none"

        """
    static let depend = "P TRIBlib-pcre2\nI TRIBblix-haproxy\n"
    static let prototype = """
        i pkginfo=./pkginfo
        i postinstall=./install/postinstall
        d none opt 0755 root sys
        d none opt/tribblix 0755 root bin
        f none opt/tribblix/x/bin/svc-x 0755 root bin
        s none opt/tribblix/x/bin/x=svc-x

        """

    /// TRIBblix-haproxy2's own, under its directory: it owns the account.
    static let passwd = "haproxy:x:126:126:haproxy:/opt/tribblix/haproxy:\npgha:x:140:140:HA PostgreSQL:/var/empty:/sbin/nologin\n"
    static let userAttr = "forgejo::::type=normal;auths=tribblix.smf.manage.forgejo,tribblix.smf.modify.forgejo\n"

    static func replacing(_ text: String, _ old: String, _ new: String) -> String {
        text.replacingOccurrences(of: old, with: new)
    }

    static let byRule: [String: RuleFixture] = [
        // .ovl
        "tribblix.ovl.unknown-key": RuleFixture(kind: .overlay, path: "pgha.ovl", passing: overlay,
                                                failing: "VERSION=1\nNAME=Patroni\nREQUIRE=base\n"),
        "tribblix.ovl.required": RuleFixture(kind: .overlay, path: "pgha.ovl", passing: overlay, failing: "NAME=Patroni\n"),
        "tribblix.ovl.version-integer": RuleFixture(kind: .overlay, path: "pgha.ovl", passing: overlay,
                                                    failing: "VERSION=2.0\nNAME=Patroni\n"),
        "tribblix.ovl.repeated-key": RuleFixture(kind: .overlay, path: "pgha.ovl", passing: overlay,
                                                 failing: "VERSION=1\nNAME=Patroni\nVERSION=2\n"),
        "tribblix.ovl.empty-value": RuleFixture(kind: .overlay, path: "pgha.ovl", passing: overlay,
                                                failing: "VERSION=1\nNAME=Patroni\nREQUIRES=\n"),
        "tribblix.ovl.requires-id": RuleFixture(kind: .overlay, path: "pgha.ovl", passing: overlay,
                                                failing: "VERSION=1\nNAME=Patroni\nREQUIRES=base python313\n"),
        "tribblix.ovl.requires-self": RuleFixture(kind: .overlay, path: "pgha.ovl", passing: overlay,
                                                  failing: "VERSION=1\nNAME=Patroni\nREQUIRES=pgha\n"),
        "tribblix.ovl.duplicate-value": RuleFixture(kind: .overlay, path: "pgha.ovl", passing: overlay,
                                                    failing: "VERSION=1\nNAME=Patroni\nREQUIRES=base\nREQUIRES=base\n"),
        "tribblix.ovl.service-fmri": RuleFixture(kind: .overlay, path: "pgha.ovl", passing: overlay,
                                                 failing: "VERSION=1\nNAME=Patroni\nSERVICE=network/etcd\n"),
        "tribblix.ovl.service-instance": RuleFixture(kind: .overlay, path: "pgha.ovl", passing: overlay,
                                                     failing: "VERSION=1\nNAME=x\nSERVICE=svc:/network/pgha/etcd:node1\n"),
        "tribblix.ovl.file-name": RuleFixture(kind: .overlay, path: "overlays/PG_HA.ovl", passing: overlay,
                                              failing: overlay),
        // overlay lists
        "tribblix.ovl-list.overlay-id": RuleFixture(kind: .overlayList, path: "deprecated.ovl", passing: "postgres15\nwfuzz\n",
                                                    failing: "postgres15\nPostgres 15\n"),
        "tribblix.ovl-list.duplicate": RuleFixture(kind: .overlayList, path: "deprecated.ovl", passing: "postgres15\nwfuzz\n",
                                                   failing: "wfuzz\npostgres15\nwfuzz\n"),
        // .pkgs
        "tribblix.pkgs.empty": RuleFixture(kind: .overlayPackages, path: "pgha.pkgs", passing: packageList, failing: ""),
        "tribblix.pkgs.duplicate": RuleFixture(kind: .overlayPackages, path: "pgha.pkgs", passing: packageList,
                                               failing: "TRIBblix-etcd\nTRIBblix-haproxy2\nTRIBblix-etcd\n"),
        "tribblix.pkgs.pkg-name": RuleFixture(kind: .overlayPackages, path: "pgha.pkgs", passing: packageList,
                                              failing: "TRIBblix-etcd 3.7.1.0\n"),
        "tribblix.pkgs.blank-line": RuleFixture(kind: .overlayPackages, path: "pgha.pkgs", passing: packageList,
                                                failing: "TRIBblix-etcd\n\nTRIBblix-haproxy2\n"),
        // catalog
        "tribblix.catalog.line-format": RuleFixture(kind: .catalog, path: "catalog", passing: overlayCatalog,
                                                    failing: "base|60|\n"),
        "tribblix.catalog.name": RuleFixture(kind: .catalog, path: "catalog", passing: overlayCatalog, failing: "Base|60||\n"),
        "tribblix.catalog.version": RuleFixture(kind: .catalog, path: "catalog", passing: overlayCatalog, failing: "base|v60||\n"),
        "tribblix.catalog.package-fields": RuleFixture(kind: .catalog, path: "catalog", passing: packageCatalog,
                                                       failing: "TRIBaalib|1.4.0.3||big|0fd0|\n"),
        "tribblix.catalog.duplicate": RuleFixture(kind: .catalog, path: "catalog", passing: overlayCatalog,
                                                  failing: "base|60||\nbase|61||\n"),
        "tribblix.catalog.mixed": RuleFixture(kind: .catalog, path: "catalog", passing: packageCatalog,
                                              failing: overlayCatalog + packageCatalog),
        // repository definitions
        "tribblix.repo.unknown-key": RuleFixture(kind: .repositoryDefinition, path: "tribblix.repo", passing: repository,
                                                 failing: repository + "PRIORITY=100\n"),
        "tribblix.repo.required": RuleFixture(kind: .repositoryDefinition, path: "tribblix.repo", passing: repository,
                                              failing: "NAME=tribblix\nDESC=Tribblix packages\n"),
        "tribblix.repo.url": RuleFixture(kind: .repositoryDefinition, path: "tribblix.repo", passing: repository,
                                         failing: replacing(repository, "tribblix-m38/", "tribblix-m38")),
        // pkginfo
        "tribblix.pkginfo.syntax": RuleFixture(kind: .pkginfo, path: "pkginfo", passing: fragment,
                                               failing: fragment + "DESC=\"unterminated\n"),
        "tribblix.pkginfo.param-name": RuleFixture(kind: .pkginfo, path: "pkginfo", passing: fragment,
                                                   failing: fragment + "zap_url=\"https://etcd.io/\"\n"),
        "tribblix.pkginfo.duplicate": RuleFixture(kind: .pkginfo, path: "pkginfo", passing: fragment,
                                                  failing: fragment + "VERSION=\"3.7.1.1\"\n"),
        "tribblix.pkginfo.required": RuleFixture(kind: .pkginfo, path: "pkginfo", passing: complete,
                                                 failing: replacing(complete, "ARCH=\"i386\"\n", "")),
        "tribblix.pkginfo.pkg-name": RuleFixture(kind: .pkginfo, path: "pkginfo", passing: fragment,
                                                 failing: replacing(fragment, "TRIBblix-etcd", "TRIBblix-etcd-distributed-key-value")),
        "tribblix.pkginfo.name": RuleFixture(kind: .pkginfo, path: "pkginfo", passing: fragment,
                                             failing: replacing(fragment, "Etcd distributed key-value store", "")),
        "tribblix.pkginfo.version": RuleFixture(kind: .pkginfo, path: "pkginfo", passing: fragment,
                                                failing: replacing(fragment, "3.7.1.0", "3.7.1-rc1")),
        "tribblix.pkginfo.arch": RuleFixture(kind: .pkginfo, path: "pkginfo", passing: complete,
                                             failing: replacing(complete, "ARCH=\"i386\"", "ARCH=\"i386 sparc\"")),
        "tribblix.pkginfo.category": RuleFixture(kind: .pkginfo, path: "pkginfo", passing: complete,
                                                 failing: replacing(complete, "CATEGORY=\"application\"", "CATEGORY=\"utility\"")),
        "tribblix.pkginfo.basedir": RuleFixture(kind: .pkginfo, path: "pkginfo", passing: complete,
                                                failing: replacing(complete, "BASEDIR=\"/\"", "BASEDIR=\"opt\"")),
        // depend
        "tribblix.depend.line-type": RuleFixture(kind: .depend, path: "depend", passing: depend,
                                                 failing: "P TRIBlib-pcre2\nR TRIBblix-haproxy2\n"),
        "tribblix.depend.blank-line": RuleFixture(kind: .depend, path: "depend", passing: depend,
                                                  failing: "P TRIBlib-pcre2\n\nP TRIBlib-zlib\n"),
        "tribblix.depend.pkg-name": RuleFixture(kind: .depend, path: "depend", passing: depend, failing: "P 9lives\n"),
        "tribblix.depend.duplicate": RuleFixture(kind: .depend, path: "depend", passing: depend,
                                                 failing: "P TRIBlib-pcre2\nP TRIBlib-pcre2\n"),
        "tribblix.depend.unknown-package": RuleFixture(kind: .depend, path: "depend", passing: depend,
                                                       failing: "P TRIBblix-postgres17\nP TRIBblix-stolon\n"),
        // prototype
        "tribblix.prototype.syntax": RuleFixture(kind: .prototype, path: "prototype", passing: prototype,
                                                 failing: "i pkginfo=./pkginfo\nf none opt/x 0755 root\n"),
        "tribblix.prototype.mode": RuleFixture(kind: .prototype, path: "prototype", passing: prototype,
                                               failing: "i pkginfo=./pkginfo\nf none opt/x rwxr-xr-x root bin\n"),
        "tribblix.prototype.pkginfo": RuleFixture(kind: .prototype, path: "prototype", passing: prototype,
                                                  failing: "d none opt 0755 root sys\n"),
        "tribblix.prototype.install-file": RuleFixture(kind: .prototype, path: "prototype", passing: prototype,
                                                       failing: "i pkginfo=./pkginfo\ni readme=./README\n"),
        "tribblix.prototype.link": RuleFixture(kind: .prototype, path: "prototype", passing: prototype,
                                               failing: "i pkginfo=./pkginfo\ns none opt/x\n"),
        "tribblix.prototype.duplicate-path": RuleFixture(kind: .prototype, path: "prototype", passing: prototype,
                                                         failing: "i pkginfo=./pkginfo\nd none opt 0755 root sys\nd none opt 0755 root bin\n"),
        "tribblix.prototype.relative-path": RuleFixture(kind: .prototype, path: "prototype", passing: prototype,
                                                        failing: "i pkginfo=./pkginfo\nf none /opt/x 0755 root bin\n"),
        "tribblix.prototype.system-directory": RuleFixture(
            kind: .prototype, path: "prototype", passing: prototype,
            failing: "i pkginfo=./pkginfo\nd none etc 0755 root sys\nd none etc/opt 0755 root bin\n"),
        // build-tree lists and accounts
        "tribblix.restart-fmri-list.fmri": RuleFixture(kind: .restartFMRIList, path: "restart_fmri_list",
                                                       passing: "svc:/system/manifest-import:default\n",
                                                       failing: "system/manifest-import\n"),
        "tribblix.restart-fmri-list.duplicate": RuleFixture(kind: .restartFMRIList, path: "restart_fmri_list",
                                                            passing: "svc:/system/manifest-import:default\n",
                                                            failing: "svc:/system/manifest-import:default\nsvc:/system/manifest-import:default\n"),
        "tribblix.alias.name": RuleFixture(kind: .alias, path: "alias", passing: "haproxy\nhaproxy2\n", failing: "haproxy 2\n"),
        "tribblix.alias.duplicate": RuleFixture(kind: .alias, path: "alias", passing: "haproxy\nhaproxy2\n",
                                                failing: "haproxy\nhaproxy\n"),
        "tribblix.passwd.fields": RuleFixture(kind: .passwd, path: "TRIBblix-haproxy2/passwd", passing: passwd,
                                              failing: "haproxy:x:126:126:haproxy:/opt/tribblix/haproxy\n"),
        "tribblix.passwd.name": RuleFixture(kind: .passwd, path: "TRIBblix-haproxy2/passwd", passing: passwd,
                                            failing: "HAProxy:x:126:126:haproxy:/opt/tribblix/haproxy:\n"),
        "tribblix.passwd.password": RuleFixture(kind: .passwd, path: "TRIBblix-haproxy2/passwd", passing: passwd,
                                                failing: "haproxy:secret:126:126:haproxy:/opt/tribblix/haproxy:\n"),
        "tribblix.passwd.ids": RuleFixture(kind: .passwd, path: "TRIBblix-haproxy2/passwd", passing: passwd,
                                           failing: "haproxy:x:0:abc:haproxy:/opt/tribblix/haproxy:\n"),
        "tribblix.passwd.home": RuleFixture(kind: .passwd, path: "TRIBblix-haproxy2/passwd", passing: passwd,
                                            failing: "haproxy:x:126:126:haproxy:opt/tribblix/haproxy:\n"),
        "tribblix.passwd.duplicate": RuleFixture(kind: .passwd, path: "TRIBblix-haproxy2/passwd", passing: passwd,
                                                 failing: passwd + "haproxy2:x:126:126:haproxy:/opt/tribblix/haproxy:\n"),
        "tribblix.passwd.reserved-uid": RuleFixture(kind: .passwd, path: "TRIBblix-haproxy2/passwd", passing: passwd,
                                                    failing: "etcd:x:126:126:etcd:/var/etcd:\n"),
        "tribblix.passwd.owned-account": RuleFixture(kind: .passwd, path: "TRIBblix-haproxy2/passwd", passing: passwd,
                                                     failing: "mysql:x:133:133:mariadb:/opt/tribblix/mariadb:\n"),
        "tribblix.group.owned-account": RuleFixture(kind: .group, path: "TRIBblix-haproxy2/group",
                                                    passing: "haproxy::126:\n", failing: "mysql::133:\n"),
        "tribblix.group.reserved-gid": RuleFixture(kind: .group, path: "TRIBblix-haproxy2/group", passing: "haproxy::126:\n",
                                                   failing: "haproxy::140:\n"),
        "tribblix.group.fields": RuleFixture(kind: .group, path: "TRIBblix-haproxy2/group", passing: "haproxy::126:\npgha::140:\n",
                                             failing: "haproxy::126\n"),
        "tribblix.group.name": RuleFixture(kind: .group, path: "TRIBblix-haproxy2/group", passing: "haproxy::126:\n", failing: "Ha Proxy::126:\n"),
        "tribblix.group.gid": RuleFixture(kind: .group, path: "TRIBblix-haproxy2/group", passing: "haproxy::126:\n", failing: "haproxy::-1:\n"),
        "tribblix.group.duplicate": RuleFixture(kind: .group, path: "TRIBblix-haproxy2/group", passing: "haproxy::126:\npgha::140:\n",
                                                failing: "haproxy::126:\nmysql::126:\n"),
        "tribblix.user-attr.fields": RuleFixture(kind: .userAttr, path: "user_attr", passing: userAttr,
                                                 failing: "forgejo:type=normal\n"),
        "tribblix.user-attr.attributes": RuleFixture(kind: .userAttr, path: "user_attr", passing: userAttr,
                                                     failing: "forgejo::::type=normal;auths\n"),
    ]
}

@Suite("Every lint rule has a passing and a failing fixture")
struct RuleFixtureTests {
    @Test("rule ids are unique and look like tribblix.<format>.<name>")
    func ruleIDsAreUniqueAndStable() {
        let ids = TribblixLint.rules.map(\.id)
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.hasPrefix("tribblix.") && id.split(separator: ".").count == 3, "\(id)")
        }
    }

    @Test("no fixture names a rule that is not registered")
    func fixturesMatchRegisteredRules() {
        let registered = Set(TribblixLint.rules.map(\.id))
        #expect(Set(Fixtures.byRule.keys).subtracting(registered).isEmpty)
    }

    @Test("rule", arguments: TribblixLint.rules)
    func ruleHasFixtures(rule: LintRuleDescription) throws {
        let fixture = try #require(Fixtures.byRule[rule.id], "rule \(rule.id) has no fixtures")
        #expect(fixture.kind == rule.kind)
        let passingPath = fixture.kind == .overlay ? "pgha.ovl" : fixture.path
        let clean = TribblixLint.lint(text: fixture.passing, path: passingPath, kind: fixture.kind)
        #expect(clean.isEmpty, "passing fixture of \(rule.id): \(clean)")
        let found = TribblixLint.lint(text: fixture.failing, path: fixture.path, kind: fixture.kind)
        let hits = found.filter { $0.rule == rule.id }
        #expect(!hits.isEmpty, "failing fixture of \(rule.id) gave \(found)")
        for hit in hits {
            #expect(hit.location.file == fixture.path)
            #expect(hit.location.line >= 1 && hit.location.column >= 1)
            #expect(hit.message.count > 20)
        }
    }
}
