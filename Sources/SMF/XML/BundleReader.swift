import Diagnostics

/// Reads the `ServiceBundle` model from an element tree.
///
/// Total: any tree gives a bundle. Missing required attributes read as empty
/// strings, children the DTD does not allow where they stand are skipped
/// (they stay visible in the `XMLElementNode` tree, and the DTD layer reports
/// them), and where the DTD allows one child but the file has several, the
/// first is kept — except where the model keeps a list to let a rule see the
/// duplicates. Every element and value carries its `SourceLocation`.
public struct BundleReader: Sendable {
    public init() {}

    public func bundle(from element: XMLElementNode) -> ServiceBundle {
        var bundle = ServiceBundle(
            rawType: element.attribute("type") ?? "", name: element.attribute("name") ?? "",
            location: element.location)
        for child in element.elements {
            switch child.name {
            case "service_bundle": bundle.bundles.append(self.bundle(from: child))
            case "service": bundle.services.append(service(child))
            default:
                if isXInclude(child) {
                    bundle.includes.append(
                        XInclude(href: child.attribute("href") ?? "", parse: child.attribute("parse"),
                                 location: child.location))
                }
            }
        }
        return bundle
    }

    /// `xi:include` in either XInclude namespace (libxml2 and svccfg accept
    /// the 2001 and the older 2003 one), or by its written name when the
    /// prefix is not bound.
    private func isXInclude(_ element: XMLElementNode) -> Bool {
        if let namespace = element.namespaceURI {
            return element.localName == "include" && XInclude.namespaces.contains(namespace)
        }
        return element.name == "xi:include"
    }

    // MARK: Services and instances

    func service(_ element: XMLElementNode) -> Service {
        var service = Service(
            name: element.attribute("name") ?? "", version: element.attribute("version") ?? "",
            type: element.attribute("type") ?? "", location: element.location)
        for child in element.elements {
            switch child.name {
            case "create_default_instance":
                if service.createDefaultInstance == nil {
                    service.createDefaultInstance = CreateDefaultInstance(
                        rawEnabled: child.attribute("enabled") ?? "", location: child.location)
                }
            case "single_instance":
                if service.singleInstance == nil { service.singleInstance = SingleInstance(location: child.location) }
            case "restarter":
                if service.restarter == nil { service.restarter = restarter(child) }
            case "instance":
                service.instances.append(instance(child))
            case "stability":
                if service.stability == nil { service.stability = stability(child) }
            default:
                readEntityChild(child, into: &service.entity)
            }
        }
        return service
    }

    func instance(_ element: XMLElementNode) -> Instance {
        var instance = Instance(
            name: element.attribute("name") ?? "", rawEnabled: element.attribute("enabled"),
            location: element.location)
        for child in element.elements {
            if child.name == "restarter" {
                if instance.restarter == nil { instance.restarter = restarter(child) }
            } else {
                readEntityChild(child, into: &instance.entity)
            }
        }
        return instance
    }

    /// The children services and instances share; anything else is ignored.
    private func readEntityChild(_ child: XMLElementNode, into entity: inout Entity) {
        switch child.name {
        case "dependency": entity.dependencies.append(dependency(child))
        case "dependent": entity.dependents.append(dependent(child))
        case "method_context":
            if entity.methodContext == nil { entity.methodContext = methodContext(child) }
        case "exec_method": entity.execMethods.append(execMethod(child))
        case "notification_parameters": entity.notificationParameters.append(notificationParameters(child))
        case "property_group": entity.propertyGroups.append(propertyGroup(child))
        case "template":
            if entity.template == nil { entity.template = template(child) }
        default: break
        }
    }

    private func restarter(_ element: XMLElementNode) -> ServiceFMRI? {
        element.elements(named: "service_fmri").first.map(serviceFMRI)
    }

    private func serviceFMRI(_ element: XMLElementNode) -> ServiceFMRI {
        ServiceFMRI(element.attribute("value") ?? "", location: element.location)
    }

    private func stability(_ element: XMLElementNode) -> Stability {
        Stability(element.attribute("value") ?? "", location: element.location)
    }

    private func firstStability(in element: XMLElementNode) -> Stability? {
        element.elements(named: "stability").first.map(stability)
    }

    // MARK: Dependencies

    private func dependency(_ element: XMLElementNode) -> Dependency {
        Dependency(
            name: element.attribute("name") ?? "", grouping: element.attribute("grouping") ?? "",
            restartOn: element.attribute("restart_on") ?? "", type: element.attribute("type") ?? "",
            delete: element.attribute("delete"), fmris: element.elements(named: "service_fmri").map(serviceFMRI),
            stability: firstStability(in: element), properties: properties(in: element),
            location: element.location)
    }

    private func dependent(_ element: XMLElementNode) -> Dependent {
        Dependent(
            name: element.attribute("name") ?? "", grouping: element.attribute("grouping") ?? "",
            restartOn: element.attribute("restart_on") ?? "", delete: element.attribute("delete"),
            override: element.attribute("override"),
            fmri: element.elements(named: "service_fmri").first.map(serviceFMRI),
            stability: firstStability(in: element), properties: properties(in: element),
            location: element.location)
    }

    // MARK: Methods

    private func execMethod(_ element: XMLElementNode) -> ExecMethod {
        ExecMethod(
            name: element.attribute("name") ?? "", type: element.attribute("type") ?? "",
            exec: element.attribute("exec") ?? "", timeoutSeconds: element.attribute("timeout_seconds") ?? "",
            delete: element.attribute("delete"),
            methodContext: element.elements(named: "method_context").first.map(methodContext),
            stability: firstStability(in: element), properties: properties(in: element),
            location: element.location)
    }

    private func methodContext(_ element: XMLElementNode) -> MethodContext {
        var context = MethodContext(
            workingDirectory: element.attribute("working_directory"), project: element.attribute("project"),
            resourcePool: element.attribute("resource_pool"), securityFlags: element.attribute("security_flags"),
            location: element.location)
        for child in element.elements {
            switch child.name {
            case "method_credential" where context.credential == nil:
                context.credential = MethodCredential(
                    user: child.attribute("user") ?? "", group: child.attribute("group"),
                    supplementaryGroups: child.attribute("supp_groups"), privileges: child.attribute("privileges"),
                    limitPrivileges: child.attribute("limit_privileges"), location: child.location)
            case "method_profile" where context.profile == nil:
                context.profile = MethodProfile(name: child.attribute("name") ?? "", location: child.location)
            case "method_environment":
                let variables = child.elements(named: "envvar").map {
                    EnvironmentVariable(
                        name: $0.attribute("name") ?? "", value: $0.attribute("value") ?? "", location: $0.location)
                }
                context.environment = (context.environment ?? []) + variables
            default: break
            }
        }
        return context
    }

    // MARK: Properties

    private func propertyGroup(_ element: XMLElementNode) -> PropertyGroup {
        PropertyGroup(
            name: element.attribute("name") ?? "", type: element.attribute("type"),
            delete: element.attribute("delete"), stability: firstStability(in: element),
            properties: properties(in: element), location: element.location)
    }

    /// The `propval` and `property` children, in document order.
    private func properties(in element: XMLElementNode) -> [Property] {
        element.elements.compactMap { child in
            switch child.name {
            case "propval":
                let value = child.attribute("value").map { [PropertyValue($0, location: child.location)] } ?? []
                return Property(
                    name: child.attribute("name") ?? "", rawType: child.attribute("type"), values: value,
                    form: .propval, override: child.attribute("override"), location: child.location)
            case "property":
                let lists = child.elements
                let values = lists.flatMap { list in
                    list.elements(named: "value_node").map {
                        PropertyValue($0.attribute("value") ?? "", location: $0.location)
                    }
                }
                return Property(
                    name: child.attribute("name") ?? "", rawType: child.attribute("type"), values: values,
                    form: .list(element: lists.first?.name), override: child.attribute("override"),
                    location: child.location)
            default:
                return nil
            }
        }
    }

    // MARK: Notification parameters

    private func notificationParameters(_ element: XMLElementNode) -> NotificationParameters {
        NotificationParameters(
            events: element.elements(named: "event").map {
                NotificationEvent($0.attribute("value") ?? "", location: $0.location)
            },
            types: element.elements(named: "type").map(notificationType),
            location: element.location)
    }

    private func notificationType(_ element: XMLElementNode) -> NotificationType {
        let parameters = element.elements.compactMap { child -> NotificationParameter? in
            switch child.name {
            case "parameter":
                return NotificationParameter(
                    name: child.attribute("name") ?? "",
                    values: child.elements(named: "value_node").map { $0.attribute("value") ?? "" },
                    isParamval: false, location: child.location)
            case "paramval":
                return NotificationParameter(
                    name: child.attribute("name") ?? "", values: child.attribute("value").map { [$0] } ?? [],
                    isParamval: true, location: child.location)
            default:
                return nil
            }
        }
        return NotificationType(
            name: element.attribute("name") ?? "", active: element.attribute("active"), parameters: parameters,
            location: element.location)
    }

    // MARK: Templates

    private func template(_ element: XMLElementNode) -> Template {
        Template(
            commonName: localizedTexts(element, "common_name") ?? [],
            description: localizedTexts(element, "description"),
            documentation: element.elements(named: "documentation").first.map(documentation),
            pgPatterns: element.elements(named: "pg_pattern").map(pgPattern),
            location: element.location)
    }

    /// The `loctext`s of the first child named `name`; nil when there is none.
    private func localizedTexts(_ element: XMLElementNode, _ name: String) -> [LocalizedText]? {
        element.elements(named: name).first.map { container in
            container.elements(named: "loctext").map {
                LocalizedText($0.text, lang: $0.attribute("xml:lang") ?? "", location: $0.location)
            }
        }
    }

    private func documentation(_ element: XMLElementNode) -> [DocumentationItem] {
        element.elements.compactMap { child in
            switch child.name {
            case "doc_link":
                return .link(
                    name: child.attribute("name") ?? "", uri: child.attribute("uri") ?? "", location: child.location)
            case "manpage":
                return .manpage(
                    title: child.attribute("title") ?? "", section: child.attribute("section") ?? "",
                    manpath: child.attribute("manpath"), location: child.location)
            default:
                return nil
            }
        }
    }

    private func pgPattern(_ element: XMLElementNode) -> PGPattern {
        PGPattern(
            name: element.attribute("name"), type: element.attribute("type"),
            required: element.attribute("required"), target: element.attribute("target"),
            commonName: localizedTexts(element, "common_name"), description: localizedTexts(element, "description"),
            propPatterns: element.elements(named: "prop_pattern").map(propPattern), location: element.location)
    }

    private func propPattern(_ element: XMLElementNode) -> PropPattern {
        PropPattern(
            name: element.attribute("name") ?? "", type: element.attribute("type"),
            required: element.attribute("required"),
            commonName: localizedTexts(element, "common_name"), description: localizedTexts(element, "description"),
            units: localizedTexts(element, "units"),
            visibility: element.elements(named: "visibility").first.map { $0.attribute("value") ?? "" },
            cardinality: element.elements(named: "cardinality").first.map {
                Cardinality(min: $0.attribute("min"), max: $0.attribute("max"), location: $0.location)
            },
            internalSeparators: element.elements(named: "internal_separators").first.map(\.text),
            values: element.elements(named: "values").first.map { $0.elements(named: "value").map(templateValue) },
            constraints: element.elements(named: "constraints").first.map(valueSet),
            choices: element.elements(named: "choices").first.map(valueSet),
            location: element.location)
    }

    private func templateValue(_ element: XMLElementNode) -> TemplateValue {
        TemplateValue(
            name: element.attribute("name") ?? "", commonName: localizedTexts(element, "common_name"),
            description: localizedTexts(element, "description"), location: element.location)
    }

    private func valueSet(_ element: XMLElementNode) -> ValueSet {
        ValueSet(
            values: element.elements(named: "value").map(templateValue),
            ranges: element.elements(named: "range").map {
                ValueRange(min: $0.attribute("min"), max: $0.attribute("max"), location: $0.location)
            },
            includeValues: element.elements(named: "include_values").map { $0.attribute("type") ?? "" },
            location: element.location)
    }
}

extension XInclude {
    /// The XInclude namespaces libxml2 processes: the 2001 one the SMF DTD
    /// fixes, and the 2003 one illumos's own profiles declare.
    public static let namespaces: Set<String> = [
        "http://www.w3.org/2001/XInclude", "http://www.w3.org/2003/XInclude",
    ]
}
