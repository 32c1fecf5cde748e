import Diagnostics

/// Tribblix's `validate-depend` rejects every depend line not matching
/// `^[PI] `: no `R` (reverse) lines, no continuation lines.
struct DependLineTypeRule: DescriptorRule {
    let id = "tribblix.depend.line-type"
    let summary = "a depend line must be 'P PKG' or 'I PKG'"

    func check(_ depend: ParsedFieldFile) -> [Diagnostic] {
        depend.lines.compactMap { line in
            if line.isBlank || line.text.hasPrefix("P ") || line.text.hasPrefix("I ") { return nil }
            let message: String
            if line.text.first == " " || line.text.first == "\t" {
                message = "continuation lines (arch/version) are not used by Tribblix; keep only 'P PKG' or 'I PKG' lines"
            } else if line.text.hasPrefix("R") {
                message = "reverse dependencies ('R') are not used by Tribblix; keep only 'P PKG' or 'I PKG' lines"
            } else {
                message = "'\(line.text)' is not a dependency line; write 'P PKG' for a prerequisite or 'I PKG' for an incompatible package"
            }
            return error(message, in: depend.path, line: line.number)
        }
    }
}

/// `validate-depend` also rejects blank lines.
struct DependBlankLineRule: DescriptorRule {
    let id = "tribblix.depend.blank-line"
    let summary = "a depend file must have no blank lines"

    func check(_ depend: ParsedFieldFile) -> [Diagnostic] {
        depend.lines.filter(\.isBlank).map { error("blank line in a depend file; remove it", in: depend.path, line: $0.number) }
    }
}

/// The package a P/I line names must be a valid SVR4 package name; its
/// `P` names go into the catalog's dependency field.
struct DependPackageNameRule: DescriptorRule {
    let id = "tribblix.depend.pkg-name"
    let summary = "a depend line must name a valid SVR4 package"

    func check(_ depend: ParsedFieldFile) -> [Diagnostic] {
        depend.lines.compactMap { line in
            let fields = line.fields
            guard let type = fields.first, type.column == 1, type.text == "P" || type.text == "I" else { return nil }
            guard fields.count >= 2 else {
                return error("'\(type.text)' names no package; write '\(type.text) TRIBpkg'", in: depend.path, line: line.number)
            }
            guard let problem = PackageName.problem(with: fields[1].text) else { return nil }
            return error(problem, in: depend.path, line: line.number, column: fields[1].column)
        }
    }
}

/// The same package listed twice.
struct DependDuplicateRule: DescriptorRule {
    let id = "tribblix.depend.duplicate"
    let summary = "a depend file must list each package once"

    func check(_ depend: ParsedFieldFile) -> [Diagnostic] {
        var seen = FirstOccurrence<String>()
        return depend.lines.compactMap { line in
            let fields = line.fields
            guard fields.count >= 2, fields[0].column == 1, fields[0].text == "P" || fields[0].text == "I" else { return nil }
            let package = fields[1].text
            guard let first = seen.earlierLine(of: package, on: line.number) else { return nil }
            return error("\(package) is already listed on line \(first); remove the duplicate",
                         in: depend.path, line: line.number, column: fields[1].column)
        }
    }
}

/// A prerequisite Tribblix does not ship: zap resolves a `P` line (and the
/// overlay's .pkgs) through the repositories' catalogs, so `zap
/// install-overlay` fails with "No source for package" unless a repository
/// of the site's own carries it (TRIBblix-stolon, dropped by Tribblix in
/// 2024). A warning: the embedded list is a snapshot.
struct DependKnownPackageRule: DescriptorRule {
    let id = "tribblix.depend.unknown-package"
    let summary = "a prerequisite should be a package Tribblix ships (or one a site's own repository carries)"

    func check(_ depend: ParsedFieldFile) -> [Diagnostic] {
        depend.lines.compactMap { line in
            let fields = line.fields
            guard fields.count >= 2, fields[0].column == 1, fields[0].text == "P",
                  PackageName.problem(with: fields[1].text) == nil, !TribblixPackageList.ships(fields[1].text)
            else { return nil }
            return warning("\(fields[1].text) is not in \(TribblixPackageList.source); zap installs it only from a "
                           + "repository of your own that carries it (docs/packaging.md), or fix the name",
                           in: depend.path, line: line.number, column: fields[1].column)
        }
    }
}
