import Foundation
/// systemd's time spans (systemd.time(7)): `90`, `5min 20s`, `1h30min`,
/// `infinity`; a bare number is seconds.
enum TimeSpan: Hashable {
    case seconds(Int)
    case infinite

    init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed == "infinity" {
            self = .infinite
            return
        }
        let units: [(String, Double)] = [
            ("usec", 1e-6), ("us", 1e-6), ("µs", 1e-6), ("msec", 1e-3), ("ms", 1e-3),
            ("seconds", 1), ("second", 1), ("sec", 1), ("s", 1),
            ("minutes", 60), ("minute", 60), ("min", 60), ("months", 2_629_800), ("month", 2_629_800), ("M", 2_629_800),
            ("m", 60), ("hours", 3600), ("hour", 3600), ("hr", 3600), ("h", 3600),
            ("days", 86400), ("day", 86400), ("d", 86400), ("weeks", 604_800), ("week", 604_800), ("w", 604_800),
            ("years", 31_557_600), ("year", 31_557_600), ("y", 31_557_600),
        ]
        var rest = Substring(trimmed)
        var total = 0.0
        var sawNumber = false
        while !rest.isEmpty {
            rest = rest.drop { $0 == " " }
            let number = rest.prefix { $0.isNumber || $0 == "." }
            guard !number.isEmpty, let value = Double(number) else { return nil }
            rest = rest.dropFirst(number.count).drop { $0 == " " }
            let unitText = rest.prefix { $0.isLetter || $0 == "µ" }
            if unitText.isEmpty {
                total += value
            } else {
                guard let unit = units.first(where: { $0.0 == unitText }) else { return nil }
                total += value * unit.1
                rest = rest.dropFirst(unitText.count)
            }
            sawNumber = true
        }
        guard sawNumber else { return nil }
        self = .seconds(Int(total.rounded(.up)))
    }
}
