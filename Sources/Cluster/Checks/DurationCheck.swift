import Diagnostics

/// `cluster.value.duration`: a haproxy time is digits and an optional unit
/// (`us`, `ms`, `s`, `m`, `h`, `d`; none means milliseconds), and more than
/// zero — haproxy refuses anything else when it reads its configuration, on
/// the node, long after generate.
struct DurationCheck: DefinitionCheck {
    let rule = "cluster.value.duration"
    static let units = ["us", "ms", "s", "m", "h", "d"]

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        DefinitionKeys.of(.duration).compactMap { key in
            guard let text = key.value(in: loaded.definition) as? String,
                  loaded.sourceMap.values[key.path] != nil, !Self.isValid(text),
                  // An unsafe character is reported once, by its own check.
                  UnsafeCharacters.first(in: text) == nil
            else { return nil }
            return error("'\(key.path)' is \(display(text)); write a haproxy time: a number above 0 and a unit "
                         + "(\(Self.units.joined(separator: ", "))), like 30m or 4s", at: loaded.sourceMap.location(of: key.path))
        }
    }

    static func isValid(_ text: String) -> Bool {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        let unit = String(text.dropFirst(digits.count))
        guard !digits.isEmpty, let value = Int(digits), value > 0 else { return false }
        return unit.isEmpty || units.contains(unit)
    }
}
