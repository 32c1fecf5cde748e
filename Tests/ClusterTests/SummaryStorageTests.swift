import Cluster
import Testing

/// check's summary says where PostgreSQL's data lives: on each node's
/// dataset, as deploy.sh attaches it, or in the zone root.
@Suite struct SummaryStorageTests {
    static func storageLine(_ extra: String) throws -> String {
        let loaded = try #require(DefinitionLoader.load(text: validHead + extra, file: "s.yaml").loaded)
        let summary = try SummaryBuilder.summary(of: loaded.definition, templates: try TemplateSet.builtIn())
        return try #require(SummaryFormatter.text(summary).split(separator: "\n").first { $0.hasPrefix("storage: ") })
            .description
    }

    @Test func withoutADatasetTheDataIsInTheZoneRoot() throws {
        #expect(try Self.storageLine("") == "storage: PostgreSQL's data in /var/pgha/postgres, in each zone's root "
            + "file system (no storage.dataset)")
    }

    @Test func aLofsDatasetWithItsProperties() throws {
        #expect(try Self.storageLine("storage:\n  dataset: tank/pgha\n") == "storage: PostgreSQL's data on ZFS dataset "
            + "tank/pgha/<node> (recordsize=32k, compression=lz4, logbias=latency), lofs-mounted at /var/pgha/postgres")
    }

    @Test func aDelegatedDatasetAtAPlacedDirectory() throws {
        let line = try Self.storageLine("paths:\n  postgres_data: /pgdata\nstorage:\n  dataset: tank/pg\n  attach: delegate\n"
            + "  recordsize: 8k\n  logbias: throughput\n")
        #expect(line == "storage: PostgreSQL's data on ZFS dataset tank/pg/<node> (recordsize=8k, compression=lz4, "
            + "logbias=throughput), delegated to each zone, mounted at /pgdata")
    }
}
