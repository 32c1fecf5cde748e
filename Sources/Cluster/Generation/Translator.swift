import SMF
import Tribblix
import Output

/// The translate stage: a checked definition and the templates become typed
/// artifacts. Pure: no disk, no printing, nothing rendered but the text
/// templates (whose output is text by nature).
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

    public func translate() throws(TemplateError) -> TranslatedCluster {
        let stackServices = templates.services(for: definition.stack)
        if stackServices.isEmpty {
            throw TemplateError(file: "Templates/services", message: "no service template is for the \(definition.stack.rawValue) stack")
        }
        // A service no node runs (etcd, when the cluster uses an existing
        // etcd) gets no manifest, account, directory or package.
        let services = stackServices.filter { template in
            definition.nodes.contains { definition.runs(template.role, on: $0) }
        }
        let context = TemplateContext(definition, services: services)

        let manifestTranslator = ManifestTranslator(
            definition: definition, context: context, sourceName: sourceName,
            // Every template of the stack: a dependency on a service no node
            // runs here (an existing etcd's) is dropped like any other role's.
            roleOfService: Dictionary(stackServices.compactMap { template in template.role.map { (template.service, $0) } },
                                      uniquingKeysWith: { first, _ in first }))
        var manifests: [ManifestArtifact] = []
        var packaged: [PackagedManifest] = []
        for template in services {
            let path = "\(GeneratedLayout.manifests)/\(template.kind).xml"
            manifests.append(ManifestArtifact(path: path, bundle: try manifestTranslator.manifest(for: template)))
            packaged.append(PackagingTranslator.packaged(template, writtenAt: path))
        }

        let profileTranslator = ProfileTranslator(definition: definition, sourceName: sourceName)
        let profiles = definition.nodes.map { node in
            ProfileArtifact(path: "profiles/\(node.name).xml", bundle: profileTranslator.profile(for: node, services: services))
        }

        var textFiles: [GeneratedFile] = []
        var companions: [PayloadFile] = []
        for template in services {
            for file in template.files {
                guard let text = templates.files[file.template] else {
                    throw TemplateError(file: template.origin,
                                        message: "names the text template '\(file.template)', which is not in Templates/files/")
                }
                let rendered = try TextTemplate(text, name: "Templates/files/\(file.template)").render(context.base)
                textFiles.append(GeneratedFile(path: file.output, contents: rendered, mode: file.permissions))
                let install = try TextTemplate.render(file.install, context.base, name: template.origin)
                companions.append(PayloadFile(path: PackagingTranslator.relative(install), contents: rendered,
                                              mode: file.permissions))
            }
        }

        for script in DeployingHostScript.all where script.isGenerated(definition) {
            guard let text = templates.files[script.template] else {
                throw TemplateError(file: "Templates/files", message: "\(script.template) is missing")
            }
            let parsed = try TextTemplate(text, name: "Templates/files/\(script.template)")
            for rendering in script.renderings(of: definition, context: context) {
                textFiles.append(GeneratedFile(path: rendering.path, contents: parsed.render(rendering.context), mode: 0o755))
            }
        }

        let packaging = PackagingTranslator(
            definition: definition, context: context, services: services,
            // With an existing etcd, deploy.sh runs etcdctl in a PostgreSQL zone.
            etcdClientTemplates: definition.externalEtcd == nil ? [] : stackServices.filter { $0.role == .etcd })
        textFiles += try packaging.buildDirectories(from: templates.files)
        return TranslatedCluster(
            manifests: manifests, profiles: profiles, textFiles: textFiles,
            package: try packaging.package(manifests: packaged, companions: companions),
            overlays: try packaging.overlays())
    }
}
