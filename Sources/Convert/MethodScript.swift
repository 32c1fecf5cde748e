/// A POSIX sh method script, for what an `exec` attribute cannot hold:
/// several commands, environment files, limits, a umask, the main PID.
/// One `case` arm per SMF method (`start`, `stop`, `refresh`).
struct MethodScript {
    var name: String
    var header: [String]
    /// In the order the arms are written.
    var arms: [(method: String, usage: String, lines: [String])] = []

    var isEmpty: Bool { arms.isEmpty }

    mutating func add(method: String, usage: String, lines: [String]) {
        arms.append((method, usage, lines))
    }

    func render() -> String {
        var text = "#!/bin/sh\n#\n"
        for line in header { text += line.isEmpty ? "#\n" : "# \(line)\n" }
        text += "#\n"
        for arm in arms { text += "#   \(name) \(arm.usage)\n" }
        // Not -u: systemd expands an unset variable to nothing, and so must we.
        text += "\nset -e\n\n"
        let usage = arms.map(\.usage).joined(separator: " | ")
        text += "case \"${1:-}\" in\n"
        for arm in arms {
            text += "\(arm.method))\n"
            for line in arm.lines { text += line.isEmpty ? "\n" : "    \(line)\n" }
            text += "    ;;\n"
        }
        text += "*)\n    echo \"usage: \(name) \(usage)\" >&2\n    exit 2\n    ;;\nesac\n"
        return text
    }
}
