import Diagnostics

/// The property groups svccfg makes of an entity's XML (smf.md §5,
/// `svccfg_xml.c`), in its order: the DTD fixes the order of the children,
/// so document order is svccfg's order.
public enum PropertyGroupSynthesis {
    /// The service-level groups of `service`.
    public static func groups(of service: Service) -> EntityPropertyGroups {
        var builder = PropertyGroupBuilder()
        if service.singleInstance != nil || service.restarter != nil {
            let general = builder.group("general", type: "framework",
                                        location: service.singleInstance?.location ?? service.restarter?.location)
            if let single = service.singleInstance {
                builder.add(ComposedProperty("single_instance", .boolean, ["true"], location: single.location),
                            to: general)
            }
            if let restarter = service.restarter {
                builder.add(ComposedProperty("restarter", .fmri, [restarter.value], location: restarter.location),
                            to: general)
            }
        }
        addEntity(service.entity, entityFMRI: service.fmri, to: &builder)
        if let stability = service.stability {
            let general = builder.group("general", type: "framework", location: stability.location)
            // svccfg stores an empty stability as External (with a warning).
            let value = stability.value.isEmpty ? "External" : stability.value
            builder.add(ComposedProperty("entity_stability", .astring, [value], location: stability.location),
                        to: general)
        }
        return builder.result
    }

    /// The instance-level groups of `instance` (of `service`).
    public static func groups(of instance: Instance, in service: Service) -> EntityPropertyGroups {
        var builder = PropertyGroupBuilder()
        if instance.enabled != nil || instance.restarter != nil {
            let general = builder.group("general", type: "framework", location: instance.location)
            if let enabled = instance.enabled {
                builder.add(ComposedProperty("enabled", .boolean, [enabled], location: instance.location),
                            to: general)
            }
            if let restarter = instance.restarter {
                builder.add(ComposedProperty("restarter", .fmri, [restarter.value], location: restarter.location),
                            to: general)
            }
        }
        addEntity(instance.entity, entityFMRI: "\(service.fmri):\(instance.name)", to: &builder)
        return builder.result
    }

    private static func addEntity(_ entity: Entity, entityFMRI: String, to builder: inout PropertyGroupBuilder) {
        for dependency in entity.dependencies where dependency.delete != "true" {
            let group = builder.group(dependency.name, type: "dependency", location: dependency.location)
            let location = dependency.location
            builder.add(ComposedProperty("grouping", .astring, [dependency.grouping], location: location), to: group)
            builder.add(ComposedProperty("restart_on", .astring, [dependency.restartOn], location: location),
                        to: group)
            builder.add(ComposedProperty("type", .astring, [dependency.type], location: location), to: group)
            builder.add(ComposedProperty(name: "entities", type: SMFType.fmri.rawValue,
                                         values: dependency.fmris.map { PropertyValue($0.value, location: $0.location) },
                                         location: location), to: group)
            if let stability = dependency.stability {
                builder.add(ComposedProperty("stability", .astring, [stability.value], location: stability.location),
                            to: group)
            }
            builder.add(dependency.properties, to: group)
        }
        for dependent in entity.dependents where dependent.delete != "true" {
            let group = builder.group("dependents", type: "framework", location: dependent.location)
            builder.add(ComposedProperty("\(dependent.name)", .fmri, [dependent.fmri?.value ?? ""],
                                         location: dependent.location), to: group)
        }
        if let context = entity.methodContext {
            let group = builder.group("method_context", type: "framework", location: context.location)
            for property in contextProperties(context) { builder.add(property, to: group) }
        }
        for method in entity.execMethods where method.delete != "true" {
            let group = builder.group(method.name, type: "method", location: method.location)
            let location = method.location
            builder.add(ComposedProperty("type", .astring, [method.type], location: location), to: group)
            builder.add(ComposedProperty("exec", .astring, [method.exec], location: location), to: group)
            builder.add(ComposedProperty("timeout_seconds", .count, [method.timeoutSeconds], location: location),
                        to: group)
            if let context = method.methodContext {
                for property in contextProperties(context) { builder.add(property, to: group) }
            }
            if let stability = method.stability {
                builder.add(ComposedProperty("stability", .astring, [stability.value], location: stability.location),
                            to: group)
            }
            builder.add(method.properties, to: group)
        }
        for parameters in entity.notificationParameters {
            for name in NotificationEvents.groupNames(for: parameters) {
                let group = builder.group(name, type: "notify_params", location: parameters.location)
                for type in parameters.types {
                    builder.add(ComposedProperty("\(type.name),active", .boolean, [type.active ?? "true"],
                                                 location: type.location), to: group)
                    for parameter in type.parameters {
                        builder.add(ComposedProperty("\(type.name),\(parameter.name)", .astring, parameter.values,
                                                     location: parameter.location), to: group)
                    }
                }
            }
        }
        for propertyGroup in entity.propertyGroups where propertyGroup.delete != "true" {
            let group = builder.group(propertyGroup.name, type: propertyGroup.type, location: propertyGroup.location)
            if let stability = propertyGroup.stability {
                builder.add(ComposedProperty("stability", .astring, [stability.value], location: stability.location),
                            to: group)
            }
            builder.add(propertyGroup.properties, to: group)
        }
    }

    /// The properties a `<method_context>` becomes, in a method's group or in
    /// `method_context` (`lxml_get_method_context`).
    static func contextProperties(_ context: MethodContext) -> [ComposedProperty] {
        var properties: [ComposedProperty] = []
        let location = context.location
        func string(_ name: String, _ value: String?, _ at: SourceLocation?) {
            if let value { properties.append(ComposedProperty(name, .astring, [value], location: at)) }
        }
        string("working_directory", context.workingDirectory, location)
        string("project", context.project, location)
        string("resource_pool", context.resourcePool, location)
        string("security_flags", context.securityFlags, location)
        if let credential = context.credential {
            properties.append(ComposedProperty("use_profile", .boolean, ["false"], location: credential.location))
            string("user", credential.user, credential.location)
            string("group", credential.group, credential.location)
            string("supp_groups", credential.supplementaryGroups, credential.location)
            string("privileges", credential.privileges, credential.location)
            string("limit_privileges", credential.limitPrivileges, credential.location)
        }
        if let profile = context.profile {
            properties.append(ComposedProperty("use_profile", .boolean, ["true"], location: profile.location))
            string("profile", profile.name, profile.location)
        }
        if let environment = context.environment {
            properties.append(ComposedProperty(
                name: "environment", type: SMFType.astring.rawValue,
                values: environment.map { PropertyValue("\($0.name)=\($0.value)", location: $0.location) },
                location: environment.first?.location ?? location))
        }
        return properties
    }
}
