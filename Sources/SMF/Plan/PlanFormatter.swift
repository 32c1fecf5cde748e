import Foundation

/// `smfkit plan` output: a readable listing, or the JSON array of the
/// command-line contract (keys fmri, exec, user, group, workingDirectory,
/// environment, timeoutSeconds). Deterministic: keys sorted.
public enum PlanFormatter {
    public static func json(_ entries: [PlanEntry]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(entries), let text = String(data: data, encoding: .utf8) else {
            return "[]\n"
        }
        return text + "\n"
    }

    public static func text(_ entries: [PlanEntry]) -> String {
        var text = ""
        for (index, entry) in entries.enumerated() {
            if index > 0 { text += "\n" }
            text += "\(index + 1). \(entry.fmri)\n"
            text += "   user \(entry.user), group \(entry.group), in \(entry.workingDirectory), timeout \(entry.timeoutSeconds) s\n"
            for name in entry.environment.keys.sorted() {
                text += "   env \(name)=\(entry.environment[name] ?? "")\n"
            }
            text += "   /sbin/sh -c \"exec \(entry.exec)\"\n"
        }
        return text
    }
}
