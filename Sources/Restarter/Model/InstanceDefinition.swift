import Foundation
import SMF

/// What the restarter knows of one instance from the manifests: the
/// equivalent of its running snapshot. `svcadm refresh` replaces it with a
/// fresh reading of the files, as `svccfg import` + refresh would.
public struct InstanceDefinition: Sendable {
    /// `svc:/service:instance`.
    public var fmri: String
    public var serviceName: String
    public var instanceName: String
    /// Instance groups over service groups, as svc.startd reads them.
    public var composed: [PropertyGroupView]
    public var enabled: Bool
    public var dependencies: [DependencyGroup]

    public var duration: ServiceDuration {
        ServiceDuration(property: composed[group: "startd"]?[property: "duration"]?.textValues.first)
    }

    /// `startd/ignore_error`: `core` and/or `signal`, which take those
    /// events out of the contract's critical set (`method_ready_contract`'s
    /// `cte_mask`), so they no longer stop the service.
    public var ignoredErrors: Set<String> {
        Set((composed[group: "startd"]?[property: "ignore_error"]?.textValues ?? [])
            .flatMap { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } })
    }

    /// `startd/timeout_retry`, which defaults to true (libscf.c
    /// `libscf_get_method`: "Default to retry if no value is specified").
    public var retriesAfterTimeout: Bool {
        composed[group: "startd"]?[property: "timeout_retry"]?.textValues.first != "false"
    }

    /// The name illumos gives the log under /var/svc/log: the FMRI without
    /// `svc:/`, with `/` turned into `-` (`ri_logstem`, restarter.c).
    public var logName: String {
        String(fmri.dropFirst("svc:/".count)).replacingOccurrences(of: "/", with: "-") + ".log"
    }
}

extension InstanceDefinition {
    /// Every instance of `catalog`, or only those named `node`.
    static func all(in catalog: ServiceCatalog, node: String?) -> [InstanceDefinition] {
        let graph = DependencyGraph(catalog: catalog)
        var definitions: [InstanceDefinition] = []
        for service in catalog.services {
            for instance in service.effectiveInstances where node == nil || instance.name == node {
                let fmri = "svc:/\(service.name):\(instance.name)"
                definitions.append(InstanceDefinition(
                    fmri: fmri, serviceName: service.name, instanceName: instance.name,
                    composed: composedProperties(of: instance, in: service), enabled: instance.isEnabled ?? false,
                    dependencies: DependencyGroup.groups(of: fmri, in: graph)))
            }
        }
        return definitions
    }
}
