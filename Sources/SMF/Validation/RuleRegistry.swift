/// Every semantic rule the validator runs, in the order they run, in one
/// place (smf.md §8 items 1–16). Adding a rule = writing its type under
/// `Rules/<Group>/` and listing it here. The document-level checks
/// (well-formedness, DOCTYPE, root, DTD) are not listed here: they run before
/// any rule (see `Validator`) and use the ids in `DocumentRuleID`.
public enum RuleRegistry {
    public static let all: [any BundleRule] = [
        // Bundle (§8 item 1, 14)
        BundleTypeRule(), BundleNameRule(), ProfileTemplateRule(), ProfileElementRule(),
        // Names (§8 items 2, 11)
        ServiceNameRule(), ServicePathRule(), InstanceNameRule(), PropertyGroupNameRule(), PropertyNameRule(),
        NameLengthRule(),
        EntityNameLengthRule(),
        // Duplicates and merging (§8 items 3, 4)
        DuplicateServiceRule(), DuplicateInstanceRule(), DuplicateDependentRule(), DependentNameClashRule(),
        PropertyGroupTypeConflictRule(), DuplicatePropertyRule(),
        // Required attributes, types and values (§8 items 5, 6)
        InstanceEnabledRule(), PropertyAttributesRule(), PropertyTypeRule(), PropertyListTypeRule(),
        BooleanValueRule(), ValueSyntaxRule(), ValueLengthRule(),
        // Methods (§8 items 6, 8, 16)
        TimeoutSecondsRule(), EnvironmentVariableRule(),
        MethodTokenSyntaxRule(), MethodTokenPropertyRule(), KillOnTransientRule(), ExecLineRule(),
        // Dependencies, dependents, restarters (§8 item 7)
        DependencyFMRIRule(), DependentTargetRule(), RestarterFMRIRule(), RestarterTargetRule(),
        // Notification parameters (§8 item 15)
        NotificationEventRule(), NotificationPlacementRule(), NotificationAttributesRule(),
        // Template self-consistency (§8 item 12)
        PatternNameRule(), PGPatternUniqueRule(), PropPatternUniqueRule(), PGPatternTargetRule(),
        CardinalityRule(), RangeRule(), InternalSeparatorsRule(), RequiredPatternAttributesRule(),
        IncludeValuesRule(), PatternConflictRule(), RedefinesBuiltinPatternRule(), LocalizedTextRule(),
        DerivedPropertyNameRule(), LocalizedTextLengthRule(),
        // Templates applied to each instance (§8 items 9, 10, 13)
        StartdTemplateRule(), GlobalTemplateRule(),
        TemplateGroupTypeRule(), TemplatePropertyTypeRule(), TemplateCardinalityViolationRule(),
        TemplateConstraintRule(), TemplateRequiredPropertyRule(), TemplateRequiredGroupRule(),
    ]
}
