import Diagnostics
import Foundation
import TestSupport
import Testing
@testable import SMF

/// smfkit's verdict on real bundles equals svccfg's (smf.md §4).
@Suite struct CorpusConformanceTests {
    static func xmlFiles(under directory: String) throws -> [String] {
        try Corpus.xmlFiles(under: [directory]).map(\.path)
    }

    static let validator = Validator(dtd: .embedded)

    /// The illumos build runs `svccfg validate` on every manifest of the gate
    /// and they all pass; the profiles are applied by svccfg apply.
    @Test(.needsCorpus) func everyIllumosGateBundleIsAccepted() throws {
        let files = try Self.xmlFiles(under: "illumos-gate")
        #expect(files.count == 196)
        let reports = Self.validator.validate(paths: files)
        #expect(reports.count == files.count)
        let errors = reports.flatMap(\.diagnostics).filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.prefix(20).map(\.description))")
    }

    /// Each third-party file with the error rules svccfg's verdict rests on
    /// (empty: accepted). The rejected ones are build templates whose
    /// placeholders (`@SMF_PREFIX@`, `$(PROG)`, …) are not valid in the place
    /// they stand; see `expectation` comments.
    static let thirdParty: [(file: String, rules: Set<String>)] = [
        // pkgsrc: service name="@SMF_PREFIX@/@SMF_NAME@" ('@' is no name character)
        ("NetBSD+pkgsrc/databases/pgbouncer/files/smf/manifest.xml", ["smf.name.service"]),
        ("NetBSD+pkgsrc/databases/postgresql13-server/files/smf/manifest.xml", ["smf.name.service"]),
        ("NetBSD+pkgsrc/devel/zookeeper/files/smf/manifest.xml", ["smf.name.service"]),
        ("NetBSD+pkgsrc/net/haproxy/files/smf/manifest.xml", ["smf.name.service"]),
        ("TritonDataCenter+pkgsrc-joyent/haproxy18/files/smf/manifest.xml", ["smf.name.service"]),
        ("TritonDataCenter+pkgsrc-wip/haproxy/files/smf/manifest.xml", ["smf.name.service"]),
        // Concrete manifests, accepted.
        ("OpenIndiana+oi-userland/components/database/pgbouncer/files/pgbouncer.xml", []),
        ("OpenIndiana+oi-userland/components/database/pgpool-II/files/pgpool.xml", []),
        ("OpenIndiana+oi-userland/components/database/postgresql-12/files/postgresql_12.xml", []),
        ("OpenIndiana+oi-userland/components/database/postgresql-14/files/postgresql_14.xml", []),
        ("OpenIndiana+oi-userland/components/database/postgresql-15/files/postgresql_15.xml", []),
        ("OpenIndiana+oi-userland/components/database/postgresql-16/files/postgresql_16.xml", []),
        ("OpenIndiana+oi-userland/components/web/haproxy/files/http-haproxy.xml", []),
        ("TritonDataCenter+manatee/smf/backupserver.xml", []),
        ("TritonDataCenter+manatee/smf/sitter.xml", []),
        ("TritonDataCenter+manatee/smf/snapshotter.xml", []),
        // omnios-extra templates: service name "ooce/network/$(PROG)" and the
        // dependent "$(PROG)_multi-user", stored as property dependents/<name>.
        ("omniosorg+omnios-extra/build/haproxy/files/haproxy-template.xml", ["smf.name.service", "smf.name.property"]),
        ("omniosorg+omnios-extra/build/mariadb/files/mariadb-template.xml", ["smf.name.service", "smf.name.property"]),
        // service network/http is fine; instance "nginx$(sVERSION)" and
        // dependent "nginx_$(sVERSION)_multi-user" are not names.
        ("omniosorg+omnios-extra/build/nginx/files/http-nginx-template.xml", ["smf.name.instance", "smf.name.property"]),
        // service "ooce/database/postgresql$(sVERSION)"; $(VERSION) elsewhere
        // stands in astring values and loctext, which take any text.
        ("omniosorg+omnios-extra/build/postgresql/files/postgres.xml", ["smf.name.service"]),
        ("omniosorg+omnios-extra/build/postgresql/files/postgresql-10.xml", []),
        ("omniosorg+omnios-extra/build/postgresql/files/postgresql-11.xml", []),
        ("omniosorg+omnios-extra/build/postgresql/files/postgresql-12.xml", []),
        ("omniosorg+omnios-extra/build/postgresql/files/postgresql-96.xml", []),
        // Profiles: instances without `enabled` are fine for svccfg apply.
        ("omniosorg+omnios-extra/build/victoriametrics/files/victoria-metrics-profile-template.xml", []),
        ("omniosorg+omnios-extra/build/victoriametrics/files/vmagent-profile.xml", []),
        ("tribblix+build/patches/haproxy.xml", []),
        ("tribblix+build/patches/haproxy2.xml", []),
        ("tribblix+build/patches/zookeeper.xml", []),
    ]

    @Test(.needsCorpus) func thirdPartyTableCoversTheCorpus() throws {
        let onDisk = Set(try Self.xmlFiles(under: "thirdparty"))
        let listed = Set(try Self.thirdParty.map { try Corpus.path("thirdparty/\($0.file)") })
        #expect(onDisk.count == 29)
        #expect(onDisk == listed)
    }

    @Test(.needsCorpus) func everyThirdPartyBundleGetsSvccfgsVerdict() throws {
        let paths = try Self.thirdParty.map { try Corpus.path("thirdparty/\($0.file)") }
        let reports = Self.validator.validate(paths: paths)
        #expect(reports.count == paths.count)
        for (report, expected) in zip(reports, Self.thirdParty) {
            let errorRules = Set(report.diagnostics.filter { $0.severity == .error }.map(\.rule))
            #expect(errorRules == expected.rules, "\(expected.file): \(report.diagnostics.map(\.description))")
            #expect(report.isValid == expected.rules.isEmpty, "\(expected.file)")
        }
    }
}
