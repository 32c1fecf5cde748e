import Diagnostics
import Foundation
import SMF
import Systemd
import Output

/// Maps one systemd service unit to an SMF service (docs/convert.md is the
/// table): the `Type` to `startd/duration`, the `Exec*` lines to methods,
/// the credentials and environment to the method context, the unit's
/// relations to dependencies and dependents, `[Install]` to the instance's
/// enabled flag. Every assignment it does not map becomes a warning at its
/// line.
public struct UnitConverter: Sendable {
    public var options: ConversionOptions
    /// The units of this run (by unit name, templates as `name@.service`)
    /// and the services they become, so units that name each other are
    /// linked by FMRI.
    public var peers: [String: ServiceIdentity]

    public init(options: ConversionOptions, peers: [String: ServiceIdentity] = [:]) {
        self.options = options
        self.peers = peers
    }

    public func identity(of unit: SystemdUnit) -> ServiceIdentity {
        options.serviceName.map(ServiceIdentity.init(serviceName:)) ?? ServiceIdentity(unit: unit.name, options: options)
    }

    public func convert(_ unit: SystemdUnit) -> UnitConversion {
        do throws(Refusal) {
            return .converted(try map(unit))
        } catch {
            return .refused(unit: unit.name.description, [error.diagnostic])
        }
    }

    private func map(_ unit: SystemdUnit) throws(Refusal) -> ConvertedUnit {
        let fileStart = SourceLocation(file: unit.path, line: 1, column: 1)
        guard unit.name.type == "service" else {
            throw Refusal("\(unit.name) is a .\(unit.name.type) unit; only .service units have an SMF counterpart "
                + "(a timer is a cron entry, a socket an inetd service, a target a milestone)", at: fileStart)
        }
        guard !unit.assignments.isEmpty else {
            throw Refusal("\(unit.name) is empty (masked?); there is nothing to convert", at: fileStart)
        }
        var findings = Findings()
        for assignment in unit.assignments where !DirectiveTable.isMapped(assignment) {
            findings.unmapped(assignment, DirectiveTable.advice[assignment.key] ?? DirectiveTable.generic)
        }

        let identity = identity(of: unit)
        var context = MappingContext(unit: unit, identity: identity, options: options, findings: findings)
        let methods = try MethodMapping().map(into: &context)
        let entity = EntityMapping(peers: peers)
        let dependencies = entity.dependencies(of: &context)
        let instances = entity.instances(of: &context, instanceDependencies: dependencies.perInstance)

        var serviceEntity = Entity()
        serviceEntity.dependencies = dependencies.service
        serviceEntity.dependents = entity.dependents(of: &context)
        serviceEntity.methodContext = CredentialMapping.methodContext(of: &context)
        serviceEntity.execMethods = methods.execMethods
        serviceEntity.propertyGroups = methods.propertyGroups
        serviceEntity.template = DocumentationMapping.template(of: &context)

        let service = Service(name: identity.serviceName, version: "1", type: "service", entity: serviceEntity,
                              instances: instances)
        let sources = unit.files.map { ($0.path as NSString).lastPathComponent }
        let bundle = ServiceBundle(
            type: .manifest, name: identity.serviceName, services: [service],
            leadingComments: [
                """
                Converted by smfkit from the systemd unit \(sources.joined(separator: ", ")).
                Review the warnings smfkit convert printed: each names a directive that did
                not carry over. Methods run as /bin/sh -c "exec METHOD", after svc.startd
                expands its % tokens.
                """,
            ]
        )
        let script = methods.script.map {
            GeneratedFile(path: "methods/\($0.name)", contents: $0.render(), mode: 0o755)
        }
        return ConvertedUnit(unit: unit, identity: identity, bundle: bundle, methodScript: script,
                             warnings: context.findings.diagnostics.sortedForOutput())
    }
}

/// What the mapping stages share for one unit.
struct MappingContext {
    var unit: SystemdUnit
    var identity: ServiceIdentity
    var options: ConversionOptions
    var findings: Findings
    /// A `Limit*=` raises a resource limit, which an unprivileged user
    /// needs `sys_resource` for on illumos (systemd sets it as root).
    var needsResourcePrivilege = false

    /// The unit's settings with specifiers resolved for the system manager;
    /// what only the running host knows is reported and kept as text.
    mutating func resolved(_ assignment: UnitAssignment, _ text: String? = nil) -> [TextPiece] {
        let (pieces, diagnostics) = SpecifierResolver.resolve(text ?? assignment.value, for: unit.name,
                                                              at: assignment.location)
        findings.diagnostics += diagnostics
        return pieces
    }

    /// The text of pieces that hold no run-time specifier, or nil.
    static func literal(_ pieces: [TextPiece]) -> String? {
        var text = ""
        for piece in pieces {
            guard case .literal(let part) = piece else { return nil }
            text += part
        }
        return text
    }

    var isTemplate: Bool { unit.name.isTemplate }
}
