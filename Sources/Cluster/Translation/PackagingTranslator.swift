import SMF
import Tribblix

/// The Tribblix side of a cluster: one package carrying the manifests and
/// companion files (the same package on every node), and the overlay that
/// brings it and the daemons' own packages into a zone with
/// `zap create-zone -t whole -o base -O <overlay>`.
struct PackagingTranslator {
    let definition: ClusterDefinition
    let context: TemplateContext
    /// The stack's templates in start order.
    let services: [ServiceTemplate]

    /// Manifests and companion files as they are installed on a node:
    /// `(install path relative to /, contents)`.
    func files(manifests: [(template: ServiceTemplate, xml: String)], companions: [(install: String, contents: String, mode: UInt16)])
        throws(TemplateError) -> [GeneratedFile]
    {
        let package = try makePackage(manifests: manifests, companions: companions)
        var output: [GeneratedFile] = []
        for file in package.buildTree().files {
            output.append(GeneratedFile(path: "packages/" + file.path, contents: file.contents, mode: UInt16(file.mode)))
        }
        for file in package.pkgmkTree().files {
            output.append(GeneratedFile(path: "packages/pkgmk/" + file.path, contents: file.contents, mode: UInt16(file.mode)))
        }
        for file in try makeOverlay().files() {
            output.append(GeneratedFile(path: "overlays/" + file.path, contents: file.contents, mode: UInt16(file.mode)))
        }
        return output
    }

    private func makePackage(manifests: [(template: ServiceTemplate, xml: String)],
                             companions: [(install: String, contents: String, mode: UInt16)]) throws(TemplateError) -> TribblixPackage
    {
        let info = PackageInfo(
            pkg: definition.packaging.package,
            name: "SMF services of the \(definition.cluster) PostgreSQL cluster (\(definition.stack.rawValue))",
            version: definition.packaging.version,
            // Only XML, configuration and scripts: the same package for every architecture.
            architectures: ["i386", "sparc"]
        )
        var payload: [PayloadFile] = manifests.map { manifest in
            PayloadFile.manifest(
                fileName: "\(manifest.template.kind).xml",
                category: manifest.template.service.hasPrefix("network/") ? "network" : "application",
                contents: manifest.xml
            )
        }
        payload += companions.map { companion in
            PayloadFile(path: Self.relative(companion.install), contents: companion.contents, mode: Int(companion.mode))
        }
        return TribblixPackage.smfServices(
            info: info, depend: DependFile(prerequisites: try daemonPackages()),
            manifests: payload, accounts: accounts(), directories: directories()
        )
    }

    /// The daemons' own packages, in start order, each once.
    private func daemonPackages() throws(TemplateError) -> [String] {
        var names: [String] = []
        for template in services {
            for package in template.packages {
                let name = try TextTemplate.render(package, context.base, name: template.origin)
                if !names.contains(name) { names.append(name) }
            }
        }
        return names
    }

    private func makeOverlay() throws(TemplateError) -> Overlay {
        var requires = ["base"]
        for template in services {
            for overlay in template.overlays {
                let name = try TextTemplate.render(overlay, context.base, name: template.origin)
                if !requires.contains(name) { requires.append(name) }
            }
        }
        let descriptor = OverlayDescriptor(
            id: definition.packaging.overlay,
            version: definition.packaging.overlayVersion,
            name: "HA PostgreSQL cluster \(definition.cluster) (\(definition.stack.rawValue))",
            requires: requires,
            // Every node's instances, service by service in start order, for
            // `zap show-services`. A zone enables only its own node's
            // instances, through its profile (deploy.sh does this):
            // `zap enable-services` would enable every node's in one zone.
            services: services.flatMap { template in
                definition.nodes.map { template.instanceFMRI(on: $0.name) }
            }
        )
        let packages = OverlayPackageList([definition.packaging.package] + (try daemonPackages())).withoutDuplicates
        return Overlay(descriptor: descriptor, packages: packages)
    }

    /// The accounts the services run as, with the definition's ids; their
    /// home is the data directory.
    private func accounts() -> ServiceAccounts {
        var users: [Tribblix.ServiceUser] = []
        var groups: [ServiceGroup] = []
        for (role, user) in usedAccounts() {
            if !users.contains(where: { $0.name == user.name }) {
                users.append(Tribblix.ServiceUser(name: user.name, uid: user.uid, gid: user.gid,
                                                  comment: "\(role) for \(definition.cluster)", home: definition.paths.data))
            }
            if !groups.contains(where: { $0.name == user.group }) {
                groups.append(ServiceGroup(name: user.group, gid: user.gid))
            }
        }
        return ServiceAccounts(users: users, groups: groups)
    }

    private func usedAccounts() -> [(String, ServiceUser)] {
        let roles = Set(services.map(\.user))
        return ServiceRole.allCases.filter(roles.contains).map { ($0.rawValue, definition.account(for: $0)) }
    }

    /// The data directories each service user owns (the daemons create
    /// their per-node directories inside), and the directory of the secret
    /// files, private to the PostgreSQL user.
    private func directories() -> [PayloadDirectory] {
        let data = Self.relative(definition.paths.data)
        var result = [PayloadDirectory(path: data, mode: 0o755)]
        let etcd = definition.users.etcd
        let postgres = definition.users.postgres
        result.append(PayloadDirectory(path: data + "/etcd", mode: 0o700, owner: etcd.name, group: etcd.group))
        result.append(PayloadDirectory(path: data + "/postgres", mode: 0o700, owner: postgres.name, group: postgres.group))
        var secretDirectories: [String] = []
        for secret in [definition.secrets.superuserPassword, definition.secrets.replicationPassword,
                       definition.secrets.rewindPassword] {
            let parent = Self.relative(String(secret[..<(secret.lastIndex(of: "/") ?? secret.startIndex)]))
            if !parent.isEmpty, !secretDirectories.contains(parent) { secretDirectories.append(parent) }
        }
        result += secretDirectories.map {
            PayloadDirectory(path: $0, mode: 0o700, owner: postgres.name, group: postgres.group)
        }
        return result
    }

    /// `/etc/opt/pgha/x` → `etc/opt/pgha/x`: package paths are relative so
    /// they relocate under BASEDIR.
    static func relative(_ path: String) -> String {
        String(path.drop { $0 == "/" })
    }
}
