import Diagnostics

/// `lxml_get_notification_parameters`: a `type` and each parameter have a
/// name, and a `paramval` has a value. `lxml_get_type` names each
/// parameter's property `snprintf(propname, max_scf_name_len + 1, "%s,%s",
/// type, parameter)` and the type's own `<type>,active` the same way, and
/// `uu_die`s (`name '%s,%s' is too long`) when either reaches 120 bytes.
public struct NotificationAttributesRule: SemanticRule {
    public static let id = "smf.notification.attributes"
    public static let summary = "notification type and parameter names are present; paramval has a value"
    /// Per svccfg command (`.loading`): `lxml_get_type`, `lxml_get_paramval`: `uu_die`.
    public static let verdicts = RuleVerdicts.loading
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        document.entities.flatMap { (entity) -> [Diagnostic] in
            entity.entity.notificationParameters.flatMap { parameters in
                parameters.types.flatMap { type -> [Diagnostic] in
                    if type.name.isEmpty {
                        return [diagnostic("attribute name missing in element 'type'", at: type.location,
                                           in: document)]
                    }
                    let active = "\(type.name),active"
                    let tooLong = SMFName.fitsLength(active) ? []
                        : [diagnostic("name '\(active)' is too long (\(active.utf8.count) bytes)", at: type.location,
                                      in: document)]
                    return tooLong + type.parameters.compactMap { parameter in
                        if parameter.name.isEmpty {
                            return diagnostic("attribute name missing in sub-element of type",
                                              at: parameter.location ?? type.location, in: document)
                        }
                        let property = "\(type.name),\(parameter.name)"
                        if !SMFName.fitsLength(property) {
                            return diagnostic("name '\(property)' is too long (\(property.utf8.count) bytes)",
                                              at: parameter.location ?? type.location, in: document)
                        }
                        if parameter.isParamval, parameter.values.first?.isEmpty ?? true {
                            return diagnostic("property value missing for property "
                                + "'\(type.name),\(parameter.name)'", at: parameter.location ?? type.location,
                                in: document)
                        }
                        return nil
                    }
                }
            }
        }
    }
}
