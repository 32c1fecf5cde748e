import Testing
@testable import Cluster
import SMF

/// Each stage alone, in memory, from one boundary type to the next.
@Suite struct StagesTests {
    static func checked() throws -> CheckedDefinition {
        DefinitionChecker.check(try DefinitionLoader.load(path: Fixtures.path("Examples/patroni.yaml")))
    }

    @Test func loadAndCheckAreSeparate() throws {
        let load = DefinitionLoader.load(text: validHead + "etcd:\n  client_port: 70000\n", file: "t.yaml")
        // Loading reads the value; only the check stage finds it out of range.
        #expect(load.diagnostics.isEmpty)
        let checked = DefinitionChecker.check(load)
        #expect(checked.diagnostics.map(\.rule) == ["cluster.port.range"])
        #expect(checked.valid == nil)
    }

    @Test func translationIsTypedAndThePackageNamesManifestsByPath() throws {
        let definition = try #require(try Self.checked().valid)
        let translated = try Translator(definition: definition, templates: .standard, sourceName: "patroni.yaml").translate()
        #expect(translated.manifests.map(\.path) == ["manifests/etcd.xml", "manifests/patroni.xml", "manifests/haproxy.xml"])
        #expect(translated.package.manifests.map(\.manifestPath) == translated.manifests.map(\.path))
        #expect(translated.profiles.count == definition.nodes.count)
        #expect(translated.overlays.map(\.descriptor.id) == ["pgha"])
        #expect(!translated.textFiles.contains { $0.path.hasSuffix(".xml") })
    }

    @Test func renderingWritesEachManifestOnceAndThePackageCarriesThoseBytes() throws {
        let definition = try #require(try Self.checked().valid)
        let translated = try Translator(definition: definition, templates: .standard, sourceName: "patroni.yaml").translate()
        let rendered = ClusterRenderer.render(translated)
        let files = Dictionary(uniqueKeysWithValues: rendered.files.map { ($0.path, $0.contents) })
        for manifest in translated.package.manifests {
            let text = try #require(files[manifest.manifestPath])
            #expect(files["packages/pkgmk/var/svc/manifest/\(manifest.category)/\(manifest.fileName)"] == text)
            #expect(text == BundleRenderer.render(try #require(translated.manifests.first { $0.path == manifest.manifestPath }).bundle))
        }
        #expect(rendered.files.map(\.path) == rendered.files.map(\.path).sorted())
    }

    @Test func verifyRefusesWhatTheValidatorRefuses() throws {
        let definition = try #require(try Self.checked().valid)
        var translated = try Translator(definition: definition, templates: .standard, sourceName: "patroni.yaml").translate()
        translated.manifests[0].bundle.services[0].name = "not a service name"
        let pipeline = GenerationPipeline(templates: .standard)
        guard case .failure(let failure) = pipeline.verify(ClusterRenderer.render(translated)) else {
            Issue.record("a manifest with an invalid service name was verified")
            return
        }
        #expect(failure.diagnostics.contains { $0.location.file == "manifests/etcd.xml" && $0.severity == .error })
    }
}
