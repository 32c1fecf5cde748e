import Cluster
import SMF
import Testing

/// stolon cannot run on the test host (no package, no vendored source:
/// hapg-linux.md §9), so the generated stolon commands are checked against
/// the flags stolon defines instead: every `--flag` in the keeper, sentinel
/// and proxy start methods and in deploy.sh's stolonctl lines.
@Suite struct StolonFlagsTests {
    /// `cmd/common.go` (every stolon command), hapg-linux.md §9.
    static let common: Set<String> = [
        "cluster-name", "store-backend", "store-endpoints", "store-timeout", "store-prefix", "store-cert-file",
        "store-key", "store-ca-file", "store-skip-tls-verify", "metrics-listen-address", "log-level", "log-color",
        "kubeconfig", "kube-context", "kube-namespace", "kube-resource-kind",
    ]

    /// Each command's own flags (`cmd/*/cmd/*.go`), hapg-linux.md §9.
    static let own: [String: Set<String>] = [
        "stolon-keeper": [
            "id", "uid", "data-dir", "pg-listen-address", "pg-advertise-address", "pg-port", "pg-advertise-port",
            "pg-bin-path", "pg-repl-auth-method", "pg-repl-username", "pg-repl-password", "pg-repl-passwordfile",
            "pg-su-auth-method", "pg-su-username", "pg-su-password", "pg-su-passwordfile", "can-be-master",
            "can-be-synchronous-replica", "disable-data-dir-locking", "debug",
        ],
        "stolon-sentinel": ["initial-cluster-spec", "debug"],
        "stolon-proxy": [
            "listen-address", "port", "stop-listening", "tcp-keepalive-idle", "tcp-keepalive-count",
            "tcp-keepalive-interval", "debug",
        ],
    ]

    /// stolonctl subcommands deploy.sh uses and their own flags
    /// (sorintlab/stolon `cmd/stolonctl/cmd/init.go`; `status` adds none we use).
    static let stolonctl: [String: Set<String>] = ["init": ["file", "yes", "overwrite"], "status": []]

    /// The `--name` flags among a command's words, without `=value` or quotes.
    static func flags(in words: [Substring]) -> [String] {
        words.map { $0.trimmingCharacters(in: ["\"", "'"]) }.filter { $0.hasPrefix("--") }.map { word in
            String(word.dropFirst(2).prefix { $0 != "=" })
        }
    }

    /// Flags of `command` (a stolon daemon's start line) that the daemon does not define.
    static func unknownFlags(daemon: String, command: String) -> [String] {
        let allowed = common.union(own[daemon] ?? [])
        return flags(in: command.split(separator: " ")).filter { !allowed.contains($0) }
    }

    static func artifacts() throws -> TranslatedCluster {
        let load = try DefinitionChecker.check(DefinitionLoader.load(path: Fixtures.path("Examples/stolon.yaml")))
        let definition = try #require(load.loaded?.definition)
        return try Translator(definition: definition, templates: try TemplateSet.builtIn(), sourceName: "stolon.yaml")
            .translate()
    }

    @Test func everyDaemonFlagIsOneStolonDefines() throws {
        var checked: Set<String> = []
        for manifest in try Self.artifacts().manifests {
            let (file, bundle) = (manifest.path, manifest.bundle)
            for service in bundle.services {
                for method in service.entity.execMethods where method.name == "start" {
                    let words = method.exec.split(separator: " ")
                    guard let daemon = Self.own.keys.first(where: { name in words.contains { $0.hasSuffix("/" + name) } })
                    else { continue }
                    checked.insert(daemon)
                    #expect(Self.unknownFlags(daemon: daemon, command: method.exec) == [], "\(file): \(method.exec)")
                    #expect(!Self.flags(in: words).isEmpty)
                }
            }
        }
        #expect(checked == Set(Self.own.keys), "the stolon stack's manifests start keeper, sentinel and proxy")
        // The method script adds the etcd endpoints, a flag every stolon daemon has.
        let script = try #require(try Self.artifacts().textFiles.first { $0.path == "methods/svc-stolon" })
        let exec = try #require(script.contents.split(separator: "\n").first { $0.contains("exec \"$daemon\"") })
        #expect(Self.flags(in: exec.split(separator: " ")) == ["store-endpoints"])
    }

    @Test func everyStolonctlFlagInDeployShIsOneStolonctlDefines() throws {
        let deploy = try #require(try Self.artifacts().textFiles.first { $0.path == "deploy.sh" })
        // deploy.sh runs stolonctl through one helper, whose flags come first
        // and whose arguments ($*) name the subcommand: each call is the two joined.
        let all = deploy.contents.split(separator: "\n")
        let helper = try #require(all.first { $0.contains("/stolonctl ") })
        let calls = all.filter { $0.contains("stolonctl_on_first_node ") && !$0.contains("#") && !$0.contains("() {") }
        #expect(calls.count >= 2, "\(calls)")
        let lines = calls.map { call in
            helper.replacingOccurrences(of: "$*", with: call.split(separator: " ").dropFirst().joined(separator: " "))
        }
        var subcommands: Set<String> = []
        for line in lines {
            let words = line.split(separator: " ").map { $0.trimmingCharacters(in: ["\"", "'"]) }
            guard let subcommand = words.first(where: { Self.stolonctl[$0] != nil }) else {
                Issue.record("no known stolonctl subcommand in: \(line)")
                continue
            }
            subcommands.insert(subcommand)
            let allowed = Self.common.union(Self.stolonctl[subcommand] ?? [])
            let flags = Self.flags(in: line.split(separator: " "))
            #expect(flags.contains("cluster-name"))
            #expect(flags.filter { !allowed.contains($0) } == [], "\(line)")
        }
        #expect(subcommands.contains("init"), "deploy.sh initialises the cluster with stolonctl init")
    }

    @Test func theCheckRejectsAFlagStolonDoesNotDefine() {
        #expect(Self.unknownFlags(daemon: "stolon-keeper", command: "/x/stolon-keeper --pg-su-pasword f --uid k") == ["pg-su-pasword"])
        #expect(Self.unknownFlags(daemon: "stolon-proxy", command: "/x/stolon-proxy --listen-address=a --port 1") == [])
        #expect(Self.unknownFlags(daemon: "stolon-sentinel", command: "stolon-sentinel --pg-port 5432") == ["pg-port"])
    }
}
