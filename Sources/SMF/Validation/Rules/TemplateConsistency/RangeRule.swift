import Diagnostics

/// `verify_range`: a `range` has both bounds, each converts (base 0; signed
/// if either starts with `-`), and `max` is not below `min`.
public struct RangeRule: SemanticRule {
    public static let id = "smf.template.range"
    public static let summary = "constraint/choice ranges have numeric min and max with min <= max"
    /// Per svccfg command (`.loading`): `verify_range`: `uu_die`, or `semerr` with `-1` returned through
    /// `lxml_get_tm_range`.
    public static let verdicts = RuleVerdicts.loading
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        document.declaredPGPatterns.flatMap { declared in
            declared.pattern.propPatterns.flatMap { prop in
                ([prop.constraints, prop.choices].compactMap { $0 }).flatMap(\.ranges).compactMap { range in
                    check(range, in: declared.entity.service, document: document, fallback: prop.location)
                }
            }
        }
    }

    private func check(_ range: ValueRange, in service: Service, document: SemanticDocument,
                       fallback: SourceLocation?) -> Diagnostic? {
        let location = range.location ?? fallback
        // svccfg treats an empty bound like a missing one.
        for (attribute, value) in [("max", range.max), ("min", range.min)] where value?.isEmpty ?? true {
            return diagnostic("range element is missing the \(attribute) attribute in service \(service.name).",
                              at: location, in: document)
        }
        guard let min = range.min, let max = range.max else { return nil }
        let signed = min.hasPrefix("-") || max.hasPrefix("-")
        for (attribute, value) in [("min", min), ("max", max)] where TemplateNumbers.number(value, signed: signed) == nil {
            return diagnostic("Unable to convert \(attribute) \"\(value)\" for the range element in service "
                + "\(service.name).", at: location, in: document)
        }
        if TemplateNumbers.range(range) == nil {
            return diagnostic("Maximum less than minimum for the range element in service \(service.name).",
                              at: location, in: document)
        }
        return nil
    }
}
