import Diagnostics

/// A rule that reports some of the findings of template validation
/// (`TemplateValidator`): which kinds, from which template levels.
protocol TemplateFindingRule: SemanticRule {
    var kinds: Set<TemplateFinding.Kind> { get }
    var levels: Set<TemplateLevel> { get }
}

extension TemplateFindingRule {
    /// svccfg validates templates per instance of a manifest; a service
    /// without instances is not validated, and `svccfg apply` validates no
    /// templates.
    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        guard !document.isProfile else { return [] }
        return document.composedInstances.flatMap { composed in
            TemplateValidator.findings(for: composed)
                .filter { kinds.contains($0.kind) && levels.contains($0.level) }
                .map { diagnostic($0.message, at: $0.location, in: document) }
        }
    }
}

private let ownLevels: Set<TemplateLevel> = [.instance, .service]

/// The manifest's own templates: a matched group has the pattern's type.
public struct TemplateGroupTypeRule: TemplateFindingRule {
    public static let id = "smf.template.pg-type"
    public static let summary = "property groups have the type of the manifest's pg_pattern that matches them"
    let kinds: Set<TemplateFinding.Kind> = [.propertyGroupType]
    let levels = ownLevels
    public init() {}
}

/// The manifest's own templates: a property's type is the prop_pattern's or
/// a descendant (`scf_is_compatible_type`).
public struct TemplatePropertyTypeRule: TemplateFindingRule {
    public static let id = "smf.template.prop-type"
    public static let summary = "properties have a type compatible with their prop_pattern's type"
    let kinds: Set<TemplateFinding.Kind> = [.propertyType]
    let levels = ownLevels
    public init() {}
}

/// The manifest's own templates: the number of values is within the
/// prop_pattern's cardinality.
public struct TemplateCardinalityViolationRule: TemplateFindingRule {
    public static let id = "smf.template.value-count"
    public static let summary = "the number of a property's values is within its prop_pattern's cardinality"
    let kinds: Set<TemplateFinding.Kind> = [.cardinality]
    let levels = ownLevels
    public init() {}
}

/// The manifest's own templates: values meet the constraints (values and
/// ranges).
public struct TemplateConstraintRule: TemplateFindingRule {
    public static let id = "smf.template.constraint"
    public static let summary = "property values meet their prop_pattern's constraints (values, ranges)"
    let kinds: Set<TemplateFinding.Kind> = [.constraint]
    let levels = ownLevels
    public init() {}
}

/// The manifest's own templates: required prop_patterns are present.
public struct TemplateRequiredPropertyRule: TemplateFindingRule {
    public static let id = "smf.template.required-property"
    public static let summary = "properties of required prop_patterns are present in matched groups"
    let kinds: Set<TemplateFinding.Kind> = [.requiredProperty]
    let levels = ownLevels
    public init() {}
}

/// The manifest's own templates: required pg_patterns are present in every
/// instance's composed view.
public struct TemplateRequiredGroupRule: TemplateFindingRule {
    public static let id = "smf.template.required-pg"
    public static let summary = "property groups of required pg_patterns are present in each instance"
    let kinds: Set<TemplateFinding.Kind> = [.requiredPropertyGroup]
    let levels = ownLevels
    public init() {}
}

/// svc.startd's templates (`restarter.xml`, target `delegate`): every
/// instance it runs has `start` and `stop` method groups with `exec`,
/// `type=method` and `timeout_seconds`, and a valid `startd/duration`.
public struct StartdTemplateRule: TemplateFindingRule {
    public static let id = "smf.startd.template"
    public static let summary = "instances run by svc.startd have start and stop methods (exec, type=method, "
        + "timeout_seconds) and valid startd properties"
    let kinds = Set(TemplateFinding.Kind.allCases)
    let levels: Set<TemplateLevel> = [.restarter]
    public init() {}
}

/// The global templates (`global.xml`, target `all`): `general/enabled`,
/// and dependency groups with at least one entity, `type` service or path,
/// and valid `grouping` and `restart_on`.
public struct GlobalTemplateRule: TemplateFindingRule {
    public static let id = "smf.global.template"
    public static let summary = "instances have general/enabled; dependencies have >=1 entity, type service|path, "
        + "valid grouping/restart_on"
    let kinds = Set(TemplateFinding.Kind.allCases)
    let levels: Set<TemplateLevel> = [.global]
    public init() {}
}
