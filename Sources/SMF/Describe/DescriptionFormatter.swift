import Foundation

/// `smfkit describe` output: indented text in the layout of
/// `svccfg describe -v` (group and type, then each property with its type
/// and values, then what the template says), or the same as JSON.
public enum DescriptionFormatter {
    public static func text(_ descriptions: [InstanceDescription]) -> String {
        var lines: [String] = []
        for instance in descriptions {
            if !lines.isEmpty { lines.append("") }
            lines.append(instance.fmri)
            for group in instance.groups {
                lines.append("  " + pad(group.name, 40) + (group.type ?? ""))
                if let name = group.commonName { lines.append("    " + name) }
                if let text = group.description { lines.append("    " + text) }
                if let required = group.required { lines.append("    required: \(required)") }
                for property in group.properties {
                    let values = property.values.map(quotedIfNeeded).joined(separator: " ")
                    lines.append("    " + pad(group.name + "/" + property.name, 38) + pad(property.type ?? "", 12) + values)
                    if let name = property.commonName { lines.append("      " + name) }
                    if let text = property.description { lines.append("      " + text) }
                    var facts: [String] = []
                    if let required = property.required { facts.append("required: \(required)") }
                    if let units = property.units { facts.append("units: \(units)") }
                    if let visibility = property.visibility { facts.append("visibility: \(visibility)") }
                    if let cardinality = property.cardinality { facts.append("cardinality: \(cardinality)") }
                    facts += property.constraints
                    if !facts.isEmpty { lines.append("      " + facts.joined(separator: "; ")) }
                }
            }
        }
        return lines.map(trimmingTrailingSpaces).joined(separator: "\n") + "\n"
    }

    public static func json(_ descriptions: [InstanceDescription]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(descriptions), let text = String(data: data, encoding: .utf8) else {
            return "[]\n"
        }
        return text + "\n"
    }

    private static func trimmingTrailingSpaces(_ line: String) -> String {
        String(line.reversed().drop { $0 == " " }.reversed())
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    /// Values as svcprop shows them: quoted where empty or holding a space.
    private static func quotedIfNeeded(_ value: String) -> String {
        value.isEmpty || value.contains(where: \.isWhitespace) ? "\"" + value.replacing("\"", with: "\\\"") + "\"" : value
    }
}
