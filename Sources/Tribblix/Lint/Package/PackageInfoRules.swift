import Diagnostics

extension ParsedPackageInfo {
    /// Parameters create_pkg adds to the build tree's fragment; their presence
    /// means this is the complete file pkgmk reads.
    static let completeOnlyParameters: Set<String> = ["ARCH", "CATEGORY", "BASEDIR", "CLASSES", "VENDOR", "PSTAMP", "EMAIL"]

    var isComplete: Bool { entries.contains { Self.completeOnlyParameters.contains($0.parameter) } }
}

/// Every non-comment line is `PARAM="value"` (pkginfo(5)).
struct PackageInfoSyntaxRule: DescriptorRule {
    let id = "tribblix.pkginfo.syntax"
    let summary = "each pkginfo line must be PARAM=\"value\""

    func check(_ info: ParsedPackageInfo) -> [Diagnostic] {
        info.malformed.map { error($0.problem, in: info.path, line: $0.line.number, column: $0.column) }
    }
}

/// Parameter names are upper case; pkginfo(5) requires user-defined ones
/// (Tribblix's ZAP_URL) to start with a capital letter.
struct PackageInfoParameterNameRule: DescriptorRule {
    let id = "tribblix.pkginfo.param-name"
    let summary = "a pkginfo parameter name must start with a capital letter and hold only letters, digits and _"

    func check(_ info: ParsedPackageInfo) -> [Diagnostic] {
        info.entries.compactMap { entry in
            let name = entry.parameter
            let valid = name.first.map { $0.isASCII && $0.isUppercase } == true
                && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
            if valid { return nil }
            return error("'\(name)' is not a valid pkginfo parameter name; use capitals, digits and '_' with no spaces before '='",
                         in: info.path, line: entry.line.number)
        }
    }
}

/// A parameter given twice: pkgadd keeps one of them, silently.
struct PackageInfoDuplicateRule: DescriptorRule {
    let id = "tribblix.pkginfo.duplicate"
    let summary = "a pkginfo parameter must be set only once"

    func check(_ info: ParsedPackageInfo) -> [Diagnostic] {
        var seen = FirstOccurrence<String>()
        return info.entries.compactMap { entry in
            guard let first = seen.earlierLine(of: entry.parameter, on: entry.line.number) else { return nil }
            return error("\(entry.parameter) is already set on line \(first); keep one", in: info.path, line: entry.line.number)
        }
    }
}

/// PKG, NAME and VERSION are in every Tribblix fragment; the complete file
/// also needs ARCH and CATEGORY, mandatory in pkginfo(5).
struct PackageInfoRequiredRule: DescriptorRule {
    let id = "tribblix.pkginfo.required"
    let summary = "pkginfo needs PKG, NAME, VERSION (and ARCH, CATEGORY once complete)"

    func check(_ info: ParsedPackageInfo) -> [Diagnostic] {
        let required = info.isComplete ? ["PKG", "NAME", "ARCH", "VERSION", "CATEGORY"] : ["PKG", "NAME", "VERSION"]
        return required.compactMap { parameter in
            guard info.value(of: parameter) == nil else { return nil }
            return error("pkginfo has no \(parameter)=; add \(parameter)=\"…\"", in: info.path, line: 1)
        }
    }
}

/// PKG: at most 32 characters, letters, digits, `-`, `+`, starting with a
/// letter, not `install`/`new`/`all` (pkginfo(5)).
struct PackageInfoPackageNameRule: DescriptorRule {
    let id = "tribblix.pkginfo.pkg-name"
    let summary = "PKG must be a valid SVR4 package name (≤32 chars, letters, digits, - and +)"

    func check(_ info: ParsedPackageInfo) -> [Diagnostic] {
        guard let entry = info.value(of: "PKG"), let problem = PackageName.problem(with: entry.value) else { return [] }
        return [error("PKG: \(problem)", in: info.path, line: entry.line.number, column: entry.valueColumn)]
    }
}

/// NAME: the package's description, at most 256 characters (pkginfo(5)).
struct PackageInfoNameRule: DescriptorRule {
    let id = "tribblix.pkginfo.name"
    let summary = "NAME must be non-empty and at most 256 characters"

    func check(_ info: ParsedPackageInfo) -> [Diagnostic] {
        guard let entry = info.value(of: "NAME") else { return [] }
        if entry.value.isEmpty {
            return [error("NAME is empty; describe the package in a few words", in: info.path, line: entry.line.number, column: entry.valueColumn)]
        }
        if entry.value.count > 256 {
            return [error("NAME has \(entry.value.count) characters; pkginfo allows at most 256", in: info.path,
                          line: entry.line.number, column: entry.valueColumn)]
        }
        return []
    }
}

/// VERSION: pkginfo(5) allows 256 characters not starting with `(`;
/// Tribblix adds a rebuild counter to the upstream version (`3.7.1` →
/// `3.7.1.0`, "the last digit is used for rebuilds"), and the version
/// becomes part of the file name `<PKG>.<VERSION>.zap` and a `|`-separated
/// catalog field.
struct PackageInfoVersionRule: DescriptorRule {
    let id = "tribblix.pkginfo.version"
    let summary = "VERSION must be <upstream>.<rebuild>: dot-separated, ending in an integer rebuild counter"

    func check(_ info: ParsedPackageInfo) -> [Diagnostic] {
        guard let entry = info.value(of: "VERSION") else { return [] }
        guard let problem = problem(with: entry.value) else { return [] }
        return [error("VERSION '\(entry.value)' \(problem)", in: info.path, line: entry.line.number, column: entry.valueColumn)]
    }

    private func problem(with version: String) -> String? {
        if version.count > 256 { return "is longer than 256 characters" }
        if version.hasPrefix("(") { return "starts with '(', which pkginfo forbids" }
        if let bad = version.first(where: { $0 == " " || $0 == "\t" || $0 == "|" || $0 == "/" }) {
            return "contains '\(bad)', which cannot appear in a zap file name or catalog; remove it"
        }
        let components = version.split(separator: ".", omittingEmptySubsequences: false)
        if components.contains(where: \.isEmpty) { return "has an empty component; separate components with single dots" }
        guard components.count >= 2, let last = components.last, last.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return "lacks Tribblix's rebuild counter; append '.0' to the upstream version (e.g. 3.7.1 → 3.7.1.0)"
        }
        return nil
    }
}

/// ARCH: a comma-separated list of architecture tokens of at most 16
/// characters (`i386`, or `i386,sparc` for an arch-neutral package).
struct PackageInfoArchRule: DescriptorRule {
    let id = "tribblix.pkginfo.arch"
    let summary = "ARCH must be a comma-separated list of tokens of at most 16 characters"

    func check(_ info: ParsedPackageInfo) -> [Diagnostic] {
        guard let entry = info.value(of: "ARCH") else { return [] }
        let tokens = entry.value.split(separator: ",", omittingEmptySubsequences: false)
        let bad = tokens.first { token in
            token.isEmpty || token.count > 16 || !token.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ".") }
        }
        guard let bad else { return [] }
        return [error("ARCH token '\(bad)' is invalid; write a comma-separated list without blanks such as \"i386\" or \"i386,sparc\"",
                      in: info.path, line: entry.line.number, column: entry.valueColumn)]
    }
}

/// CATEGORY: a comma-separated list that must include `system` or
/// `application` (pkginfo(5)); Tribblix uses `application`.
struct PackageInfoCategoryRule: DescriptorRule {
    let id = "tribblix.pkginfo.category"
    let summary = "CATEGORY must include system or application"

    func check(_ info: ParsedPackageInfo) -> [Diagnostic] {
        guard let entry = info.value(of: "CATEGORY") else { return [] }
        let categories = entry.value.split(separator: ",").map { $0.trimmingBlanks }
        if categories.contains("system") || categories.contains("application") { return [] }
        return [error("CATEGORY \"\(entry.value)\" includes neither 'system' nor 'application'; Tribblix packages use \"application\"",
                      in: info.path, line: entry.line.number, column: entry.valueColumn)]
    }
}

/// BASEDIR: where relative paths are installed; an absolute path (`/`).
struct PackageInfoBasedirRule: DescriptorRule {
    let id = "tribblix.pkginfo.basedir"
    let summary = "BASEDIR must be an absolute path"

    func check(_ info: ParsedPackageInfo) -> [Diagnostic] {
        guard let entry = info.value(of: "BASEDIR"), !entry.value.hasPrefix("/") else { return [] }
        return [error("BASEDIR '\(entry.value)' is not an absolute path; Tribblix packages use BASEDIR=\"/\"",
                      in: info.path, line: entry.line.number, column: entry.valueColumn)]
    }
}

extension Substring {
    var trimmingBlanks: String {
        String(drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    }
}
