#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Foundation
import SMF

/// `svcs`, `svcs -l`, `svcs -x` and `svcprop` output, shaped like illumos's.
public enum StatusFormatter {
    /// `svcs [-H] [-o COLUMNS]`: STATE, STIME, FMRI unless `columns` say
    /// otherwise; `header: false` is `-H` (no header, for scripts).
    public static func list(_ instances: [InstanceStatus], columns: [StatusColumn] = StatusColumn.defaults,
                            header: Bool = true) -> String {
        func line(_ fields: [String]) -> String {
            zip(columns, fields).enumerated().map { index, pair in
                index == columns.count - 1 ? pair.1 : pad(pair.1, pair.0.width)
            }.joined(separator: " ") + "\n"
        }
        var text = header ? line(columns.map(\.header)) : ""
        for instance in instances { text += line(columns.map { $0.value(of: instance) }) }
        return text
    }

    /// `svcs -l FMRI`.
    public static func long(_ instance: InstanceStatus) -> String {
        var lines: [(String, String)] = [
            ("fmri", instance.fmri),
            ("enabled", instance.enabled ? "true" : "false"),
            ("state", instance.state.rawValue),
            ("next_state", instance.nextState?.rawValue ?? "none"),
            ("state_time", date(instance.since)),
            ("reason", instance.reason),
            ("logfile", instance.logPath),
            ("restarter", "svc:/system/svc/restarter:default"),
            ("duration", instance.duration.rawValue),
        ]
        if let contract = instance.contract { lines.append(("contract_id", "\(contract) (process group)")) }
        for process in instance.processes { lines.append(("process", "\(process)")) }
        for dependency in instance.dependencies { lines.append(("dependency", dependency)) }
        return lines.map { pad($0.0, 12) + " " + $0.1 }.joined(separator: "\n") + "\n"
    }

    /// `svcs -x`: the instances that are enabled but not running, in
    /// maintenance, or keeping others from running — or the one named.
    public static func explain(_ instances: [InstanceStatus], named: Bool) -> String {
        let shown = named ? instances : instances.filter {
            $0.state == .maintenance || ($0.enabled && !$0.state.isRunning) || !$0.impacted.isEmpty && !$0.state.isRunning
        }
        return shown.map { instance in
            var text = "\(instance.fmri)\n"
            text += " State: \(instance.state.rawValue) since \(date(instance.since))\n"
            text += "Reason: \(instance.explanation ?? "The service is running.")\n"
            text += "   See: \(instance.logPath)\n"
            if instance.state.isRunning {
                text += "Impact: None.\n"
            } else if instance.impacted.isEmpty {
                text += "Impact: This service is not running.\n"
            } else {
                text += "Impact: \(instance.impacted.count) dependent service\(instance.impacted.count == 1 ? " is" : "s are") not running:\n"
                text += instance.impacted.map { "        \($0)\n" }.joined()
            }
            return text
        }.joined(separator: "\n")
    }

    /// `svcprop FMRI`: `pg/name type value…`, values escaped as svcprop does.
    public static func properties(_ lines: [PropertyLine]) -> String {
        lines.map { line in
            ([line.name, line.type] + line.values.map(shellEscaped)).joined(separator: " ") + "\n"
        }.joined()
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    static func clock(_ since: Double) -> String { format(since, "%H:%M:%S") }
    static func date(_ since: Double) -> String { format(since, "%a %b %e %H:%M:%S %Y") }

    static func format(_ since: Double, _ pattern: String) -> String {
        var time = time_t(since)
        var parts = tm()
        localtime_r(&time, &parts)
        var buffer = [CChar](repeating: 0, count: 64)
        let count = strftime(&buffer, buffer.count, pattern, &parts)
        return String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
