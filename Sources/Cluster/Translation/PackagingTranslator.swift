import SMF
import Output
import Tribblix

/// The Tribblix side of a cluster: one package carrying the manifests and
/// companion files (the same package on every node), and per set of node
/// roles the overlay that brings it and those roles' daemons into a zone
/// with `zap create-zone -t whole -o base -O <overlay>` (RoleOverlay.swift).
struct PackagingTranslator {
    let definition: ClusterDefinition
    let context: TemplateContext
    /// The stack's templates in start order.
    let services: [ServiceTemplate]
    /// With an existing etcd, etcd's templates (which run nowhere): their
    /// packages bring etcdctl into the zones with the postgres role, where
    /// deploy.sh asks the existing etcd whether it is healthy.
    var etcdClientTemplates: [ServiceTemplate] = []

    /// The package: the manifests (by their output paths) and companion
    /// files as installed on a node, as prerequisites the daemons' packages
    /// every node's overlay brings (the package is the same in every zone,
    /// and Tribblix's overlay-depends wants each overlay to carry its
    /// packages' prerequisites: an etcd-only zone has no PostgreSQL to
    /// require), the accounts and directories the templates declare.
    func package(manifests: [PackagedManifest], companions: [PayloadFile]) throws(TemplateError) -> PackageArtifact {
        let info = PackageInfo(
            pkg: definition.packaging.package,
            name: definition.stack.runsPostgres
                ? "SMF services of the \(definition.cluster) PostgreSQL cluster (\(definition.stack.rawValue))"
                : "SMF services of the \(definition.cluster) etcd cluster",
            version: definition.packaging.version,
            // Tribblix's pkginfo carries the upstream home page; the
            // package sets up the stack's HA manager.
            zapURL: Self.homePage[definition.stack],
            // Only XML, configuration and scripts: the same package for every architecture.
            architectures: ["i386", "sparc"]
        )
        var everywhere = try daemonPackages()
        for roles in definition.roleSets {
            let here = try daemonPackages(for: roles)
            everywhere.removeAll { !here.contains($0) }
        }
        return PackageArtifact(info: info, depend: DependFile(prerequisites: everywhere), manifests: manifests,
                               companions: companions, accounts: accounts(), directories: try directories())
    }

    /// Where the package installs the manifest of `template`, written by
    /// generate at `path`.
    static func packaged(_ template: ServiceTemplate, writtenAt path: String) -> PackagedManifest {
        PackagedManifest(manifestPath: path, fileName: "\(template.kind).xml",
                         category: template.service.hasPrefix("network/") ? "network" : "application")
    }

    /// The daemons' own packages, in start order, each once: of every
    /// service, or of the services zones with `roles` run.
    func daemonPackages(for roles: [NodeRole]? = nil) throws(TemplateError) -> [String] {
        var names: [String] = []
        for template in services(for: roles) {
            for package in template.packages {
                let name = try TextTemplate.render(package, context.base, name: template.origin)
                if !names.contains(name) { names.append(name) }
            }
        }
        return names
    }

    /// The upstream home page of each stack's HA manager, for `ZAP_URL`.
    static let homePage: [Stack: String] = [
        .patroni: "https://github.com/patroni/patroni",
        .stolon: "https://github.com/sorintlab/stolon",
        .etcd: "https://etcd.io",
        .replication: "https://www.postgresql.org/docs/current/warm-standby.html",
    ]

    /// The services a zone with `roles` runs (a template without a role
    /// runs everywhere); every service when `roles` is nil.
    private func services(for roles: [NodeRole]?) -> [ServiceTemplate] {
        guard let roles else { return services }
        return services.filter { template in template.role.map(roles.contains) ?? true }
            + (roles.contains(.postgres) ? etcdClientTemplates : [])
    }

    /// One overlay per set of roles among the nodes, in node order.
    func overlays() throws(TemplateError) -> [Overlay] {
        var result: [Overlay] = []
        for roles in definition.roleSets { result.append(try overlay(for: roles)) }
        return result
    }

    /// The overlay of the zones with `roles`: the overlays their daemons
    /// need, and in `.pkgs`, as Tribblix lists them, dependencies first: the
    /// daemons' packages no required overlay already lists (Tribblix's
    /// package list says which), then the package. No `SERVICE=` lines:
    /// `zap enable-services` runs `svcadm enable -rs` on each, and every
    /// node's instances would start in one zone; each zone enables its own
    /// through deploy.sh.
    func overlay(for roles: [NodeRole]) throws(TemplateError) -> Overlay {
        var requires = ["base"]
        for template in services(for: roles) {
            for overlay in template.overlays {
                let name = try TextTemplate.render(overlay, context.base, name: template.origin)
                if !requires.contains(name) { requires.append(name) }
            }
        }
        let cluster = definition.stack.runsPostgres
            ? "HA PostgreSQL cluster \(definition.cluster) (\(definition.stack.rawValue))"
            : "etcd cluster \(definition.cluster)"
        let id = definition.overlayID(for: roles)
        let descriptor = OverlayDescriptor(
            id: id, version: definition.packaging.overlayVersion,
            name: id == definition.packaging.overlay
                ? cluster : "\(cluster), zones with \(roles.map(\.rawValue).joined(separator: ", "))",
            requires: requires,
            services: []
        )
        let required = Set(requires)
        let missing = try daemonPackages(for: roles).filter { package in
            TribblixPackageList.overlays(shipping: package).allSatisfy { !required.contains($0) }
        }
        let packages = OverlayPackageList(missing + [definition.packaging.package]).withoutDuplicates
        return Overlay(descriptor: descriptor, packages: packages)
    }

    /// Build directories (Templates/files/build/<PKG>/…) of the daemons'
    /// packages Tribblix does not ship (TRIBblix-stolon, dropped in 2024):
    /// what a site needs to build and publish the package itself, written
    /// to packages/<PKG>/ beside the cluster's own.
    func buildDirectories(from files: [String: String]) throws(TemplateError) -> [GeneratedFile] {
        var result: [GeneratedFile] = []
        for package in try daemonPackages() where !TribblixPackageList.ships(package) {
            let prefix = "build/\(package)/"
            for (name, text) in files.sorted(by: { $0.key < $1.key }) where name.hasPrefix(prefix) {
                let file = String(name.dropFirst(prefix.count))
                result.append(GeneratedFile(path: "packages/\(package)/\(file)", contents: text,
                                            mode: file.hasSuffix(".sh") ? 0o755 : 0o644))
            }
        }
        return result
    }

    /// The accounts the services run as, with the definition's ids; their
    /// home is the data directory. An account a Tribblix package already
    /// defines (haproxy:126, TRIBblix-haproxy2's) comes with that package,
    /// a prerequisite of ours: defining it again would make two packages
    /// own one account.
    private func accounts() -> ServiceAccounts {
        var users: [Tribblix.ServiceUser] = []
        var groups: [ServiceGroup] = []
        for (role, user) in usedAccounts()
        where TribblixAccountRegistry.owningPackage(ofAccount: user.name, id: user.uid) == nil {
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

    /// The data directory; the directories each daemon's template declares,
    /// owned by its account (the daemons create their per-node directories
    /// inside); and the directory of each secret file, private to the
    /// account of the PostgreSQL role, which reads them.
    /// A directory illumos delivers (a secret directly in /opt, say) is
    /// left as illumos has it: the package never takes it over.
    private func directories() throws(TemplateError) -> [PayloadDirectory] {
        try ownDirectories().filter { IllumosSystemDirectories.ownership(of: $0.path) == nil }
    }

    private func ownDirectories() throws(TemplateError) -> [PayloadDirectory] {
        var result = [PayloadDirectory(path: Self.relative(definition.paths.data), mode: 0o755)]
        for template in services {
            let owner = definition.account(for: template.user)
            for directory in template.directories {
                let path = Self.relative(try TextTemplate.render(directory.path, context.base, name: template.origin))
                guard !result.contains(where: { $0.path == path }) else { continue }
                result.append(PayloadDirectory(path: path, mode: directory.permissions, owner: owner.name,
                                               group: owner.group))
            }
        }
        // The etcd cluster alone has no password: its clients prove who they are with certificates.
        guard definition.stack.runsPostgres else { return result }
        let reader = definition.account(for: .postgres)
        // patroni's etcd password exists only on a shared etcd with TLS.
        let secrets = DefinitionKeys.of(.secretPath)
            .filter { $0.path != "secrets.etcd_password" || definition.madePasswords.contains(.etcd) }
        for secret in secrets.compactMap({ $0.value(in: definition) as? String }) {
            let parent = Self.relative(String(secret[..<(secret.lastIndex(of: "/") ?? secret.startIndex)]))
            guard !parent.isEmpty, !result.contains(where: { $0.path == parent }) else { continue }
            result.append(PayloadDirectory(path: parent, mode: 0o700, owner: reader.name, group: reader.group))
        }
        return result
    }

    /// `/etc/pgha/x` → `etc/pgha/x`: package paths are relative so
    /// they relocate under BASEDIR.
    static func relative(_ path: String) -> String {
        String(path.drop { $0 == "/" })
    }
}
