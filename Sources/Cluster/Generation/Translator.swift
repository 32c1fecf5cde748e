import SMF

/// The translate stage: a checked definition and the templates become typed
/// artifacts. Pure: no disk, no printing.
public struct Translator {
    public let definition: ClusterDefinition
    public let templates: TemplateSet
    /// The definition's file name, quoted in generated-by comments (the name
    /// only, so output does not depend on where the file was).
    public let sourceName: String

    public init(definition: ClusterDefinition, templates: TemplateSet, sourceName: String) {
        self.definition = definition
        self.templates = templates
        self.sourceName = sourceName
    }

    public func translate() throws(TemplateError) -> Artifacts {
        let services = templates.services(for: definition.stack)
        if services.isEmpty {
            throw TemplateError(file: "Templates/services", message: "no service template is for the \(definition.stack.rawValue) stack")
        }
        let context = TemplateContext(definition) { node in
            services.map { $0.instanceFMRI(on: node.name) }
        }
        var artifacts = Artifacts()

        let manifests = ManifestTranslator(definition: definition, context: context, sourceName: sourceName)
        for template in services {
            artifacts.manifests.append((file: "manifests/\(template.kind).xml", bundle: try manifests.manifest(for: template)))
        }

        let profiles = ProfileTranslator(definition: definition, sourceName: sourceName)
        for node in definition.nodes {
            artifacts.profiles.append((file: "profiles/\(node.name).xml", bundle: profiles.profile(for: node, services: services)))
        }

        var companions: [(install: String, contents: String, mode: UInt16)] = []
        for template in services {
            for file in template.files {
                guard let text = templates.files[file.template] else {
                    throw TemplateError(
                        file: template.origin,
                        message: "names the text template '\(file.template)', which is not in Templates/files/"
                    )
                }
                let mode = file.permissions
                let rendered = try TextTemplate(text, name: "Templates/files/\(file.template)").render(context.base)
                artifacts.files.append(GeneratedFile(path: file.output, contents: rendered, mode: mode))
                let install = try TextTemplate.render(file.install, context.base, name: template.origin)
                companions.append((install: install, contents: rendered, mode: mode))
            }
        }

        guard let deploy = templates.files["deploy.sh.mustache"] else {
            throw TemplateError(file: "Templates/files", message: "deploy.sh.mustache is missing")
        }
        artifacts.files.append(GeneratedFile(
            path: "deploy.sh",
            contents: try TextTemplate(deploy, name: "Templates/files/deploy.sh.mustache").render(context.base),
            mode: 0o755
        ))

        // The package carries the manifests exactly as they are written out.
        let packaging = PackagingTranslator(definition: definition, context: context, services: services)
        let rendered = zip(services, artifacts.manifests).map { template, manifest in
            (template: template, xml: BundleRenderer.render(manifest.bundle))
        }
        artifacts.files += try packaging.files(manifests: rendered, companions: companions)
        return artifacts
    }
}
