import Diagnostics

/// One violation of a template by an instance's composed view, labelled the
/// way `scf_tmpl.c: em_desc[]` labels it.
public struct TemplateFinding: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case propertyGroupType = "Property group has bad type"
        case missingGroupType = "Property group has no type"
        case propertyType = "Property has bad type"
        case invalidPatternType = "Invalid type in prop_pattern"
        case cardinality = "Number of property values violates cardinality restriction"
        case constraint = "Property has illegal value"
        case range = "Property value is out of range"
        case conversion = "Unable to convert property value"
        case invalidTemplate = "Invalid template"
        case requiredProperty = "Required property missing"
        case requiredPropertyGroup = "Required property group missing"
    }

    public var kind: Kind
    public var level: TemplateLevel
    /// The instance, as svccfg names it in the message.
    public var fmri: String
    /// The property group the finding is about (nil for a missing group).
    public var group: String?
    /// The rest of the message: `; Property="…"; …`.
    public var detail: String
    public var location: SourceLocation?

    /// svccfg's one-line form: `<label>: FMRI="…"; Property group="…"; …`.
    public var message: String {
        "\(kind.rawValue): FMRI=\"\(fmri)\"" + (group.map { "; Property group=\"\($0)\"" } ?? "") + detail
    }
}
