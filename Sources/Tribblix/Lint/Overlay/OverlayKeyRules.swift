import Diagnostics

/// The four keys an `.ovl` may hold. `tribblix/build overlay-depends` reports
/// every line not matching `^(VERSION|NAME|REQUIRES|SERVICE)=` as invalid
/// syntax; this is the check that caught the historical `REQUIRE=` typos.
struct OverlayUnknownKeyRule: DescriptorRule {
    static let keys = ["VERSION", "NAME", "REQUIRES", "SERVICE"]
    let id = "tribblix.ovl.unknown-key"
    let summary = "an .ovl line must start with VERSION=, NAME=, REQUIRES= or SERVICE="

    func check(_ overlay: ParsedKeyValueFile) -> [Diagnostic] {
        overlay.entries.compactMap { entry in
            if let key = entry.key, Self.keys.contains(key) { return nil }
            return error(message(for: entry), in: overlay.path, line: entry.line.number)
        }
    }

    private func message(for entry: ParsedKeyValueFile.Entry) -> String {
        let allowed = "an overlay may only hold VERSION=, NAME=, REQUIRES= and SERVICE= lines"
        guard let key = entry.key else {
            if entry.line.isBlank { return "blank line; remove it (\(allowed))" }
            return "'\(entry.line.text)' is not KEY=value; \(allowed)"
        }
        let trimmed = key.filter { $0 != " " && $0 != "\t" }
        if Self.keys.contains(trimmed) {
            return "'\(key)=' has blanks around the key; write '\(trimmed)=' with no spaces before '='"
        }
        if !trimmed.isEmpty, let near = Self.keys.first(where: { $0.hasPrefix(trimmed.uppercased()) || trimmed.uppercased().hasPrefix($0) }) {
            return "'\(key)=' is not an overlay key; did you mean '\(near)='? (\(allowed))"
        }
        return "'\(key)=' is not an overlay key; \(allowed)"
    }
}

/// VERSION= and NAME= are required (overlays README); zap's `refresh`
/// reads VERSION to decide what to download and list-overlays shows NAME.
struct OverlayRequiredKeyRule: DescriptorRule {
    let id = "tribblix.ovl.required"
    let summary = "an .ovl must have a VERSION= and a NAME= line"

    func check(_ overlay: ParsedKeyValueFile) -> [Diagnostic] {
        ["VERSION", "NAME"].compactMap { key in
            guard overlay.entries(for: key).isEmpty else { return nil }
            let example = key == "VERSION" ? "VERSION=1" : "NAME=My overlay"
            return error("the overlay has no \(key)= line; add one such as '\(example)'", in: overlay.path, line: 1)
        }
    }
}

/// VERSION is an integer, incremented on every change (README); zap
/// compares it with the catalog's as a string, so `2.0` or ` 2` would
/// force a download on every refresh or never match.
struct OverlayVersionIntegerRule: DescriptorRule {
    let id = "tribblix.ovl.version-integer"
    let summary = "VERSION= must be a plain decimal integer"

    func check(_ overlay: ParsedKeyValueFile) -> [Diagnostic] {
        overlay.entries(for: "VERSION").compactMap { entry in
            if !entry.value.isEmpty, entry.value.allSatisfy({ $0.isASCII && $0.isNumber }) { return nil }
            return error("VERSION '\(entry.value)' is not an integer; write digits only (e.g. VERSION=1) and increment it on every change",
                         in: overlay.path, line: entry.line.number, column: entry.valueColumn)
        }
    }
}

/// VERSION and NAME are single-valued: `refresh` and the catalog script take
/// the first VERSION line only, so a second one is silently ignored.
struct OverlayRepeatedKeyRule: DescriptorRule {
    let id = "tribblix.ovl.repeated-key"
    let summary = "VERSION= and NAME= may appear only once"

    func check(_ overlay: ParsedKeyValueFile) -> [Diagnostic] {
        ["VERSION", "NAME"].flatMap { key in
            overlay.entries(for: key).dropFirst().map { entry in
                error("\(key)= appears more than once; keep a single \(key)= line (zap reads only the first)",
                      in: overlay.path, line: entry.line.number)
            }
        }
    }
}

/// NAME, REQUIRES and SERVICE need a value: an empty REQUIRES makes
/// install-overlay look for an overlay called "", an empty SERVICE makes
/// enable-services run `svcadm enable -rs` with no FMRI.
struct OverlayEmptyValueRule: DescriptorRule {
    let id = "tribblix.ovl.empty-value"
    let summary = "NAME=, REQUIRES= and SERVICE= must not be empty"

    func check(_ overlay: ParsedKeyValueFile) -> [Diagnostic] {
        overlay.entries.compactMap { entry in
            guard let key = entry.key, ["NAME", "REQUIRES", "SERVICE"].contains(key),
                  entry.value.allSatisfy({ $0 == " " || $0 == "\t" }) else { return nil }
            return error("\(key)= has no value; give one or remove the line",
                         in: overlay.path, line: entry.line.number, column: entry.valueColumn)
        }
    }
}
