import Diagnostics
import SMF
import Systemd

/// The unit's relations as dependencies and dependents, and its instances.
struct EntityMapping {
    let peers: [String: ServiceIdentity]

    struct Dependencies {
        var service: [Dependency]
        /// Dependencies on another template's instance of the same name
        /// (`Wants=postgresql@%i.service`), given to each instance.
        var perInstance: [(grouping: String, restartOn: String, identity: ServiceIdentity, name: String)]
    }

    /// What a named unit is on illumos.
    enum Target {
        case fmri(String)
        /// The instance of this run's template with the same instance name.
        case sameInstance(ServiceIdentity)
        case implicit
        case unknown
    }

    func target(_ pieces: [TextPiece]) -> Target {
        if let name = MappingContext.literal(pieces) {
            if let known = WellKnownUnits.table[name] {
                switch known {
                case .service(let fmri): return .fmri(fmri)
                case .implicit: return .implicit
                }
            }
            if let peer = peers[name] { return .fmri(peer.fmri) }
            if let unitName = UnitName(name), let template = unitName.templateName, let peer = peers[template],
               let instance = unitName.instance, SMFName.isValid(instance, as: .domain) {
                return .fmri("\(peer.fmri):\(instance)")
            }
            return .unknown
        }
        // `prefix@%i.type`: the same instance of another template.
        if pieces.count == 3, case .literal(let head) = pieces[0], case .specifier(.instance) = pieces[1],
           case .literal(let tail) = pieces[2], head.hasSuffix("@"), let peer = peers[head + tail] {
            return .sameInstance(peer)
        }
        return .unknown
    }

    func dependencies(of context: inout MappingContext) -> Dependencies {
        // For each target, the strongest relation the unit states.
        struct Relation { var require = false, restart = false, exclude = false, order = false, names: [String] = [] }
        var relations: [String: Relation] = [:]
        var order: [String] = []
        var perInstance: [String: (Relation, ServiceIdentity)] = [:]
        var perInstanceOrder: [String] = []
        let kinds: [(key: String, require: Bool, restart: Bool, exclude: Bool)] = [
            ("Requires", true, true, false), ("BindsTo", true, true, false), ("Requisite", true, false, false),
            ("Wants", false, false, false), ("After", false, false, false), ("Conflicts", false, false, true),
        ]
        for kind in kinds {
            for assignment in context.unit.list("Unit", kind.key) {
                for word in WordSplitter.words(assignment.value) {
                    let pieces = context.resolved(assignment, word)
                    func update(_ relation: inout Relation) {
                        relation.require = relation.require || kind.require
                        relation.restart = relation.restart || kind.restart
                        relation.exclude = relation.exclude || kind.exclude
                        relation.names.append(word)
                    }
                    switch target(pieces) {
                    case .implicit: continue
                    case .fmri(let fmri):
                        if relations[fmri] == nil { order.append(fmri) }
                        update(&relations[fmri, default: Relation()])
                    case .sameInstance(let peer):
                        if perInstance[peer.fmri] == nil { perInstanceOrder.append(peer.fmri) }
                        var relation = perInstance[peer.fmri]?.0 ?? Relation()
                        update(&relation)
                        perInstance[peer.fmri] = (relation, peer)
                    case .unknown:
                        context.findings.warn("\(kind.key)=\(word): not converted in this run and smfkit knows no "
                            + "illumos counterpart; convert it together with this unit or add the dependency by hand",
                            rule: ConvertRuleID.dependency, at: assignment.location)
                    }
                }
            }
        }
        // RequiresMountsFor= names local paths; DefaultDependencies= (on
        // unless "no") orders a service after basic.target, which holds
        // local-fs.target. Both are svc:/system/filesystem/local here.
        let localFS = "svc:/system/filesystem/local"
        let defaults = context.unit.setting("Unit", "DefaultDependencies").map { MethodMapping.isTrue($0.value) } ?? true
        if !context.unit.list("Unit", "RequiresMountsFor").isEmpty || defaults {
            if relations[localFS] == nil { order.append(localFS) }
            relations[localFS, default: Relation()].require = true
        }
        var used = Set<String>()
        func name(for fmri: String) -> String {
            let service = fmri.dropFirst("svc:/".count).split(separator: ":").first.map(String.init) ?? fmri
            var base = ServiceIdentity.smfComponent(String(service.split(separator: "/").last ?? Substring(service)))
            if base.isEmpty { base = "dependency" }
            var candidate = base
            var counter = 2
            while !used.insert(candidate).inserted {
                candidate = "\(base)_\(counter)"
                counter += 1
            }
            return candidate
        }
        func grouping(_ relation: Relation) -> (String, String) {
            if relation.exclude { return ("exclude_all", "none") }
            return relation.require ? ("require_all", relation.restart ? "restart" : "none") : ("optional_all", "none")
        }
        let service = order.compactMap { fmri -> Dependency? in
            guard let relation = relations[fmri] else { return nil }
            let (grouping, restartOn) = grouping(relation)
            return Dependency(name: name(for: fmri), grouping: grouping, restartOn: restartOn, fmris: [ServiceFMRI(fmri)])
        }
        let instances = perInstanceOrder.compactMap { key -> (String, String, ServiceIdentity, String)? in
            guard let (relation, peer) = perInstance[key] else { return nil }
            let (grouping, restartOn) = grouping(relation)
            return (grouping, restartOn, peer, name(for: peer.fmri))
        }
        return Dependencies(service: service, perInstance: instances)
    }

    /// `WantedBy=`/`RequiredBy=` (and `Before=`) as dependents: the named
    /// milestone or service then waits for this one.
    func dependents(of context: inout MappingContext) -> [Dependent] {
        var result: [Dependent] = []
        var used = Set<String>()
        let base = context.identity.baseName
        let kinds: [(section: String, key: String, grouping: String)] = [
            ("Install", "WantedBy", "optional_all"), ("Install", "RequiredBy", "require_all"),
            ("Unit", "Before", "optional_all"),
        ]
        for kind in kinds {
            for assignment in context.unit.list(kind.section, kind.key) {
                for word in WordSplitter.words(assignment.value) {
                    switch target(context.resolved(assignment, word)) {
                    case .implicit: continue
                    case .fmri(let fmri):
                        let service = fmri.dropFirst("svc:/".count).split(separator: ":").first.map(String.init) ?? fmri
                        var name = "\(base)_\(ServiceIdentity.smfComponent(String(service.split(separator: "/").last ?? "")))"
                        while !used.insert(name).inserted { name += "_" }
                        result.append(Dependent(name: name, grouping: kind.grouping, restartOn: "none",
                                                fmri: ServiceFMRI(service.isEmpty ? fmri : "svc:/" + service)))
                    case .sameInstance, .unknown:
                        context.findings.warn("\(kind.key)=\(word): not converted in this run and smfkit knows no "
                            + "illumos counterpart; convert it together with this unit or add a dependent by hand",
                            rule: ConvertRuleID.dependency, at: assignment.location)
                    }
                }
            }
        }
        return result
    }

    /// `default` for a plain unit; a template's instances come from
    /// `--instance` and `DefaultInstance=`. Enabled when `[Install]` hooks
    /// the unit into a target, as a package's `systemctl enable` would; of
    /// a template, `systemctl enable` enables the `DefaultInstance=` only,
    /// so instances named with `--instance` are left for the administrator.
    func instances(of context: inout MappingContext,
                   instanceDependencies: [(grouping: String, restartOn: String, identity: ServiceIdentity, name: String)])
        -> [Instance]
    {
        let unit = context.unit
        let enabled = !unit.list("Install", "WantedBy").isEmpty || !unit.list("Install", "RequiredBy").isEmpty
        guard context.isTemplate else {
            return [Instance(name: "default", enabled: enabled)]
        }
        var names = context.options.instances
        if let defaultInstance = unit.setting("Install", "DefaultInstance") {
            if SMFName.isValid(defaultInstance.value, as: .domain) {
                if !names.contains(defaultInstance.value) { names.append(defaultInstance.value) }
            } else {
                context.findings.unmapped(defaultInstance, "not an SMF instance name (a letter first, then letters, "
                    + "digits, '_' or '-'); pass --instance NAME")
            }
        }
        if names.isEmpty {
            context.findings.warn("\(unit.name) is a template and no instance was named, so the service has none; "
                + "pass --instance NAME (SMF instance names start with a letter)", rule: ConvertRuleID.noInstance,
                at: SourceLocation(file: unit.path, line: 1, column: 1))
        }
        return names.map { instanceName in
            var entity = Entity()
            entity.dependencies = instanceDependencies.map { dependency in
                Dependency(name: dependency.name, grouping: dependency.grouping, restartOn: dependency.restartOn,
                           fmris: [ServiceFMRI("\(dependency.identity.fmri):\(instanceName)")])
            }
            let isDefault = unit.setting("Install", "DefaultInstance")?.value == instanceName
            return Instance(name: instanceName, enabled: enabled && isDefault, entity: entity)
        }
    }
}
