import Foundation
import Testing
@testable import Cluster

/// The generated cluster trusts nobody implicitly (issue 11): no pg_hba line
/// of any example says `trust`, the socket is the service account's alone,
/// and the start method makes the socket and data directories private
/// before PostgreSQL starts.
@Suite struct NoTrustTests {
    @Test(arguments: Generated.examples)
    func noGeneratedFileTrustsAConnection(example: String) throws {
        for file in try Generated.files(ofExample: example) {
            for line in file.contents.split(separator: "\n") {
                let code = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                let words = code.split(whereSeparator: { $0.isWhitespace || $0 == "-" || $0 == "=" })
                #expect(!words.contains("trust"), "\(example)/\(file.path): \(line)")
            }
        }
    }

    @Test func patroniKeepsItsSocketPrivate() throws {
        let files = try Generated.files(ofExample: "patroni")
        let config = try #require(files.first { $0.path == "config/patroni.yml" }).contents
        #expect(config.contains("  - local all all scram-sha-256\n"))
        #expect(config.contains("    unix_socket_permissions: \"0700\"\n"))
        let method = try #require(files.first { $0.path == "methods/svc-patroni" }).contents
        #expect(method.contains("(umask 077 && mkdir -p \"$PATRONI_POSTGRESQL_DATA_DIR\")\n"))
        #expect(method.contains("chmod 0700 \"${PATRONI_POSTGRESQL_DATA_DIR%/*}\" \"$PATRONI_POSTGRESQL_DATA_DIR\"\n"))
    }
}
