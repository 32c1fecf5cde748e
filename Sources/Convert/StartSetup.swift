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
                let name: String, value: String
                switch variable(word) {
                case .failure(let problem):
                    context.findings.unmapped(assignment, problem.reason)
                    continue
                case .success(let pair):
                    (name, value) = pair
                }
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

    /// The literal `Environment=` values, for `method_environment` (what
    /// is wrong with the others is reported by `lines(in:)`).
    static func environment(of unit: SystemdUnit) -> [EnvironmentVariable] {
        var variables: [EnvironmentVariable] = []
        for assignment in unit.list("Service", "Environment") {
            for word in WordSplitter.words(assignment.value) {
                guard case .success(let (name, value)) = variable(word) else { continue }
                let (pieces, _) = SpecifierResolver.resolve(value, for: unit.name, at: assignment.location)
                if let literal = MappingContext.literal(pieces) {
                    // A later assignment of a name replaces the earlier one.
                    variables.removeAll { $0.name == name }
                    variables.append(EnvironmentVariable(name: name, value: literal))
                }
            }
        }
        return variables
    }

    struct Problem: Error {
        var reason: String
    }

    /// `NAME=VALUE` split, or why svc.startd or sh cannot take it.
    private static func variable(_ word: String) -> Result<(String, String), Problem> {
        guard let equals = word.firstIndex(of: "="), equals != word.startIndex else {
            return .failure(Problem(reason: "'\(word)' is not NAME=VALUE; systemd ignores it"))
        }
        let name = String(word[..<equals])
        guard ShellCommandRenderer.isVariableName(Substring(name)) else {
            return .failure(Problem(reason: "'\(name)' is not a variable name sh can set"))
        }
        guard !name.hasPrefix("SMF_") else {
            return .failure(Problem(reason: "svc.startd refuses method_environment names starting SMF_"))
        }
        return .success((name, String(word[word.index(after: equals)...])))
    }

    /// A systemd limit value as ulimit's: a number or `unlimited`.
    private static func limitValue(_ text: String) -> String? {
        if text == "infinity" { return "unlimited" }
        return !text.isEmpty && text.allSatisfy(\.isNumber) ? text : nil
    }
}
