/// Renders a `ServiceBundle` as a service_bundle document, children in the
/// DTD's order. Deterministic: the same model gives the same bytes.
public enum BundleRenderer {
    public static func render(_ bundle: ServiceBundle) -> String {
        var writer = XMLWriter()
        writer.declaration(doctypeSystemID: SMF.dtdSystemID)
        for comment in bundle.leadingComments { writer.comment(comment) }
        writeBundle(bundle, into: &writer)
        return writer.text
    }

    private static func writeBundle(_ bundle: ServiceBundle, into writer: inout XMLWriter) {
        writer.element("service_bundle", [("type", bundle.type), ("name", bundle.name)]) { writer in
            for nested in bundle.bundles { writeBundle(nested, into: &writer) }
            for service in bundle.services { write(service, into: &writer) }
            for include in bundle.includes {
                writer.element("xi:include", [
                    ("xmlns:xi", "http://www.w3.org/2001/XInclude"), ("href", include.href), ("parse", include.parse),
                ]) { writer in
                    writer.empty("xi:fallback", [])
                }
            }
        }
    }

    private static func write(_ service: Service, into writer: inout XMLWriter) {
        writer.element("service", [("name", service.name), ("type", service.type), ("version", service.version)]) {
            writer in
            if let create = service.createDefaultInstance {
                writer.empty("create_default_instance", [("enabled", create.enabled)])
            }
            if service.singleInstance != nil { writer.empty("single_instance", []) }
            if let restarter = service.restarter { write(restarter: restarter, into: &writer) }
            write(service.entity, instances: service.instances, into: &writer)
            if let stability = service.stability { writer.empty("stability", [("value", stability.value)]) }
            if let template = service.entity.template { write(template, into: &writer) }
        }
    }

    private static func write(_ instance: Instance, into writer: inout XMLWriter) {
        writer.element("instance", [("name", instance.name), ("enabled", instance.enabled)]) { writer in
            if let restarter = instance.restarter { write(restarter: restarter, into: &writer) }
            write(instance.entity, instances: [], into: &writer)
            if let template = instance.entity.template { write(template, into: &writer) }
        }
    }

    private static func write(restarter: ServiceFMRI, into writer: inout XMLWriter) {
        writer.element("restarter", []) { writer in
            writer.empty("service_fmri", [("value", restarter.value)])
        }
    }

    /// The children services and instances share, up to (not including) the
    /// template; instances go between property groups and stability.
    private static func write(
        _ entity: Entity, instances: [Instance], into writer: inout XMLWriter
    ) {
        for dependency in entity.dependencies { write(dependency, into: &writer) }
        for dependent in entity.dependents { write(dependent, into: &writer) }
        if let context = entity.methodContext { write(context, into: &writer) }
        for method in entity.execMethods { write(method, into: &writer) }
        for parameters in entity.notificationParameters { write(parameters, into: &writer) }
        for group in entity.propertyGroups { write(group, into: &writer) }
        for instance in instances { write(instance, into: &writer) }
    }

    private static func write(_ dependency: Dependency, into writer: inout XMLWriter) {
        writer.element("dependency", [
            ("name", dependency.name), ("grouping", dependency.grouping), ("restart_on", dependency.restartOn),
            ("type", dependency.type), ("delete", dependency.delete),
        ]) { writer in
            for fmri in dependency.fmris { writer.empty("service_fmri", [("value", fmri.value)]) }
            if let stability = dependency.stability { writer.empty("stability", [("value", stability.value)]) }
            for property in dependency.properties { write(property, into: &writer) }
        }
    }

    private static func write(_ dependent: Dependent, into writer: inout XMLWriter) {
        writer.element("dependent", [
            ("name", dependent.name), ("grouping", dependent.grouping), ("restart_on", dependent.restartOn),
            ("delete", dependent.delete), ("override", dependent.override),
        ]) { writer in
            if let fmri = dependent.fmri { writer.empty("service_fmri", [("value", fmri.value)]) }
            if let stability = dependent.stability { writer.empty("stability", [("value", stability.value)]) }
            for property in dependent.properties { write(property, into: &writer) }
        }
    }

    private static func write(_ context: MethodContext, into writer: inout XMLWriter) {
        let attributes: [(String, String?)] = [
            ("working_directory", context.workingDirectory), ("project", context.project),
            ("resource_pool", context.resourcePool), ("security_flags", context.securityFlags),
        ]
        let isEmpty = context.credential == nil && context.profile == nil && context.environment == nil
        if isEmpty {
            writer.empty("method_context", attributes)
            return
        }
        writer.element("method_context", attributes) { writer in
            if let profile = context.profile { writer.empty("method_profile", [("name", profile.name)]) }
            if let credential = context.credential {
                writer.empty("method_credential", [
                    ("user", credential.user), ("group", credential.group),
                    ("supp_groups", credential.supplementaryGroups), ("privileges", credential.privileges),
                    ("limit_privileges", credential.limitPrivileges),
                ])
            }
            if let environment = context.environment {
                writer.element("method_environment", []) { writer in
                    for variable in environment {
                        writer.empty("envvar", [("name", variable.name), ("value", variable.value)])
                    }
                }
            }
        }
    }

    private static func write(_ method: ExecMethod, into writer: inout XMLWriter) {
        let attributes: [(String, String?)] = [
            ("name", method.name), ("type", method.type), ("exec", method.exec),
            ("timeout_seconds", method.timeoutSeconds), ("delete", method.delete),
        ]
        if method.methodContext == nil, method.stability == nil, method.properties.isEmpty {
            writer.empty("exec_method", attributes)
            return
        }
        writer.element("exec_method", attributes) { writer in
            if let context = method.methodContext { write(context, into: &writer) }
            if let stability = method.stability { writer.empty("stability", [("value", stability.value)]) }
            for property in method.properties { write(property, into: &writer) }
        }
    }

    private static func write(_ parameters: NotificationParameters, into writer: inout XMLWriter) {
        writer.element("notification_parameters", []) { writer in
            for event in parameters.events { writer.empty("event", [("value", event.value)]) }
            for type in parameters.types {
                writer.element("type", [("name", type.name), ("active", type.active)]) { writer in
                    for parameter in type.parameters {
                        if parameter.isParamval {
                            writer.empty("paramval", [("name", parameter.name), ("value", parameter.values.first)])
                        } else {
                            writer.element("parameter", [("name", parameter.name)]) { writer in
                                for value in parameter.values { writer.empty("value_node", [("value", value)]) }
                            }
                        }
                    }
                }
            }
        }
    }

    private static func write(_ group: PropertyGroup, into writer: inout XMLWriter) {
        writer.element("property_group", [("name", group.name), ("type", group.type), ("delete", group.delete)]) {
            writer in
            if let stability = group.stability { writer.empty("stability", [("value", stability.value)]) }
            for property in group.properties { write(property, into: &writer) }
        }
    }

    private static func write(_ property: Property, into writer: inout XMLWriter) {
        switch property.form {
        case .propval:
            writer.empty("propval", [
                ("name", property.name), ("type", property.type), ("value", property.values.first?.text ?? ""),
                ("override", property.override),
            ])
        case .list(let element):
            let attributes: [(String, String?)] = [
                ("name", property.name), ("type", property.type), ("override", property.override),
            ]
            guard let element else {
                writer.element("property", attributes) { _ in }
                return
            }
            writer.element("property", attributes) { writer in
                writer.element(element, []) { writer in
                    for value in property.values { writer.empty("value_node", [("value", value.text)]) }
                }
            }
        }
    }

    private static func write(_ template: Template, into writer: inout XMLWriter) {
        writer.element("template", []) { writer in
            write(texts: template.commonName, as: "common_name", into: &writer)
            if let description = template.description { write(texts: description, as: "description", into: &writer) }
            if let documentation = template.documentation {
                writer.element("documentation", []) { writer in
                    for item in documentation {
                        switch item {
                        case .link(let name, let uri, _):
                            writer.empty("doc_link", [("name", name), ("uri", uri)])
                        case .manpage(let title, let section, let manpath, _):
                            writer.empty("manpage", [("title", title), ("section", section), ("manpath", manpath)])
                        }
                    }
                }
            }
            for pattern in template.pgPatterns { write(pattern, into: &writer) }
        }
    }

    private static func write(_ pattern: PGPattern, into writer: inout XMLWriter) {
        writer.element("pg_pattern", [
            ("name", pattern.name), ("type", pattern.type), ("target", pattern.target),
            ("required", pattern.required),
        ]) { writer in
            if let names = pattern.commonName { write(texts: names, as: "common_name", into: &writer) }
            if let description = pattern.description { write(texts: description, as: "description", into: &writer) }
            for property in pattern.propPatterns { write(property, into: &writer) }
        }
    }

    private static func write(_ pattern: PropPattern, into writer: inout XMLWriter) {
        writer.element("prop_pattern", [("name", pattern.name), ("type", pattern.type), ("required", pattern.required)]) {
            writer in
            if let names = pattern.commonName { write(texts: names, as: "common_name", into: &writer) }
            if let description = pattern.description { write(texts: description, as: "description", into: &writer) }
            if let units = pattern.units { write(texts: units, as: "units", into: &writer) }
            if let visibility = pattern.visibility { writer.empty("visibility", [("value", visibility)]) }
            if let cardinality = pattern.cardinality {
                writer.empty("cardinality", [("min", cardinality.min), ("max", cardinality.max)])
            }
            if let separators = pattern.internalSeparators {
                writer.textElement("internal_separators", [], text: separators)
            }
            if let values = pattern.values {
                writer.element("values", []) { writer in
                    for value in values { write(value, into: &writer) }
                }
            }
            if let constraints = pattern.constraints { write(constraints, as: "constraints", into: &writer) }
            if let choices = pattern.choices { write(choices, as: "choices", into: &writer) }
        }
    }

    private static func write(_ set: ValueSet, as name: String, into writer: inout XMLWriter) {
        writer.element(name, []) { writer in
            for value in set.values { write(value, into: &writer) }
            for range in set.ranges { writer.empty("range", [("min", range.min), ("max", range.max)]) }
            for type in set.includeValues { writer.empty("include_values", [("type", type)]) }
        }
    }

    private static func write(_ value: TemplateValue, into writer: inout XMLWriter) {
        if value.commonName == nil, value.description == nil {
            writer.empty("value", [("name", value.name)])
            return
        }
        writer.element("value", [("name", value.name)]) { writer in
            if let names = value.commonName { write(texts: names, as: "common_name", into: &writer) }
            if let description = value.description { write(texts: description, as: "description", into: &writer) }
        }
    }

    private static func write(texts: [LocalizedText], as name: String, into writer: inout XMLWriter) {
        writer.element(name, []) { writer in
            for text in texts { writer.textElement("loctext", [("xml:lang", text.lang)], text: text.text) }
        }
    }
}
