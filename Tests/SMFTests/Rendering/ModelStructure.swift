import Diagnostics

/// A model's whole structure as text, every stored property but where a
/// value was read from (`location`, any `SourceLocation`), so two models can
/// be compared "locations aside" without each model type growing a
/// comparison of its own.
func structure(_ value: Any) -> String {
    if value is SourceLocation { return "" }
    let mirror = Mirror(reflecting: value)
    switch mirror.displayStyle {
    case .optional:
        return mirror.children.first.map { structure($0.value) } ?? "nil"
    case .dictionary, .set:
        // Hash order differs between two equal dictionaries: sort.
        return "[" + mirror.children.map { structure($0.value) }.sorted().joined(separator: ", ") + "]"
    case .collection, .tuple:
        return "[" + mirror.children.map { structure($0.value) }.joined(separator: ", ") + "]"
    case .struct, .class, .enum:
        let fields = mirror.children.filter { $0.label != "location" }
            .map { "\($0.label ?? "_"): \(structure($0.value))" }
        if mirror.displayStyle == .enum, mirror.children.isEmpty { return String(reflecting: value) }
        return "\(mirror.subjectType)(\(fields.joined(separator: ", ")))"
    default:
        return String(reflecting: value)
    }
}
