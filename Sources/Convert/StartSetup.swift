import SMF
import Systemd

/// What a start method must do before its commands that SMF's method
/// context cannot say: environment files, resource limits, the umask and
/// environment values known only on the host. Each line is sh.
enum StartSetup {
    static func lines(in context: inout MappingContext) -> [String] {
        let unit = context.unit
        let script = ShellCommandRenderer(destination: .script)
        var lines: [String] = []

        for assignment in unit.list("Service", "Environment") {
            for word in WordSplitter.words(assignment.value) {
                guard let (name, value) = variable(word, at: assignment, in: &context) else { continue }
                let pieces = context.resolved(assignment, value)
                if MappingContext.literal(pieces) == nil {
                    let (text, losses) = script.word(pieces, expandVariables: false)
                    for loss in Set(losses) { MethodMapping.report(loss, at: assignment.location, in: &context) }
                    lines.append("\(name)=\(text)")
                    lines.append("export \(name)")
                }
            }
        }

        for assignment in unit.list("Service", "EnvironmentFile") {
            let optional = assignment.value.hasPrefix("-")
            let path = optional ? String(assignment.value.dropFirst()) : assignment.value
            let (file, losses) = script.word(context.resolved(assignment, path), expandVariables: false)
            for loss in Set(losses) { MethodMapping.report(loss, at: assignment.location, in: &context) }
            lines.append("# EnvironmentFile=\(assignment.value): read as sh, exporting every assignment.")
            lines.append("# shellcheck source=/dev/null")
            lines.append(optional ? "if [ -r \(file) ]; then set -a; . \(file); set +a; fi" : "set -a; . \(file); set +a")
        }

        for key in DirectiveTable.limits.keys.sorted() {
            guard let setting = unit.setting("Service", key), let flag = DirectiveTable.limits[key] else { continue }
            let parts = setting.value.split(separator: ":", maxSplits: 1).map { limitValue(String($0)) }
            guard parts.allSatisfy({ $0 != nil }), let soft = parts.first ?? nil else {
                context.findings.unmapped(setting, "not a limit smfkit can read; set it with ulimit in a method script")
                continue
            }
            let hard = parts.count == 2 ? parts[1] ?? soft : soft
            lines.append("# \(key)=\(setting.value). illumos's /bin/sh (ksh93) has ulimit \(flag).")
            if hard != soft {
                lines.append("# shellcheck disable=SC3045")
                lines.append("ulimit -H \(flag) \(hard)")
                lines.append("# shellcheck disable=SC3045")
                lines.append("ulimit -S \(flag) \(soft)")
            } else {
                lines.append("# shellcheck disable=SC3045")
                lines.append("ulimit \(flag) \(soft)")
            }
            context.needsResourcePrivilege = true
        }

        if let umask = unit.setting("Service", "UMask") {
            if umask.value.count <= 4, umask.value.allSatisfy({ ("0"..."7").contains($0) }) {
                lines.append("umask \(umask.value)")
            } else {
                context.findings.unmapped(umask, "not an octal mode")
            }
        }
        return lines
    }

    /// The literal `Environment=` values, for `method_environment`.
    static func environment(in context: inout MappingContext) -> [EnvironmentVariable] {
        var variables: [EnvironmentVariable] = []
        var findings = Findings()  // reported once, by lines(in:)
        for assignment in context.unit.list("Service", "Environment") {
            for word in WordSplitter.words(assignment.value) {
                var scratch = context
                scratch.findings = findings
                guard let (name, value) = variable(word, at: assignment, in: &scratch) else { continue }
                let (pieces, _) = SpecifierResolver.resolve(value, for: context.unit.name, at: assignment.location)
                if let literal = MappingContext.literal(pieces) {
                    variables.removeAll { $0.name == name }
                    variables.append(EnvironmentVariable(name: name, value: literal))
                }
                findings = Findings()
            }
        }
        return variables
    }

    private static func variable(_ word: String, at assignment: UnitAssignment, in context: inout MappingContext)
        -> (String, String)?
    {
        guard let equals = word.firstIndex(of: "="), equals != word.startIndex else {
            context.findings.unmapped(assignment, "'\(word)' is not NAME=VALUE; systemd ignores it")
            return nil
        }
        let name = String(word[..<equals])
        guard ShellCommandRenderer.isVariableName(Substring(name)) else {
            context.findings.unmapped(assignment, "'\(name)' is not a variable name sh can set")
            return nil
        }
        guard !name.hasPrefix("SMF_") else {
            context.findings.unmapped(assignment, "svc.startd refuses method_environment names starting SMF_")
            return nil
        }
        return (name, String(word[word.index(after: equals)...]))
    }

    /// A systemd limit value as ulimit's: a number or `unlimited`.
    private static func limitValue(_ text: String) -> String? {
        if text == "infinity" { return "unlimited" }
        return !text.isEmpty && text.allSatisfy(\.isNumber) ? text : nil
    }
}
