import Diagnostics

/// The repository stores values of at most 4095 bytes
/// (`REP_PROTOCOL_VALUE_LEN`); svccfg checks a truncated copy, so a longer
/// value fails only when it is stored. An opaque value is written as hex,
/// two characters a byte; its own syntax (`smf.value.syntax`) bounds it.
public struct ValueLengthRule: SemanticRule {
    public static let id = "smf.value.length"
    public static let summary = "property values are at most 4095 bytes"
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        document.entities.flatMap { (entity) -> [Diagnostic] in
            entity.propertyGroups.groups.flatMap { group in
                group.properties.filter { $0.smfType != .opaque }.flatMap { property in
                    property.values.compactMap { value in
                        value.text.utf8.count <= SMFType.maxValueLength ? nil
                            : diagnostic("value of property '\(group.name)/\(property.name)' is "
                                + "\(value.text.utf8.count) bytes long; values are limited to "
                                + "\(SMFType.maxValueLength) bytes", at: value.location ?? property.location,
                                in: document)
                    }
                }
            }
        }
    }
}
