import Diagnostics

/// A `.pkgs` must list at least one package: install-overlay runs
/// `install-pkg $(<id.pkgs)`, which exits 2 with no arguments, and `refresh`
/// rejects an empty download (`-s`). Meta-overlays list one package.
struct PackageListEmptyRule: DescriptorRule {
    let id = "tribblix.pkgs.empty"
    let summary = "a .pkgs file must list at least one package"

    func check(_ list: ParsedLineList) -> [Diagnostic] {
        guard list.items.isEmpty else { return [] }
        return [error("the package list is empty, so zap can never install this overlay; list at least one package (a meta-overlay lists e.g. TRIBpackage-svr4)",
                      in: list.path, line: 1)]
    }
}

/// `check-overlay-pkgs` reports packages listed twice.
struct PackageListDuplicateRule: DescriptorRule {
    let id = "tribblix.pkgs.duplicate"
    let summary = "a .pkgs file must not list a package twice"

    func check(_ list: ParsedLineList) -> [Diagnostic] {
        var seen = FirstOccurrence<String>()
        return list.items.compactMap { line in
            guard let first = seen.earlierLine(of: line.text, on: line.number) else { return nil }
            return error("package '\(line.text)' is already listed on line \(first); remove the duplicate",
                         in: list.path, line: line.number)
        }
    }
}

/// Each line is one full SVR4 package name (no comments, no version):
/// install-pkg treats every word as a package.
struct PackageListNameRule: DescriptorRule {
    let id = "tribblix.pkgs.pkg-name"
    let summary = "each .pkgs line must be one valid SVR4 package name"

    func check(_ list: ParsedLineList) -> [Diagnostic] {
        list.items.compactMap { line in
            guard let problem = PackageName.problem(with: line.text) else { return nil }
            return error("\(problem); put one package name on each line", in: list.path, line: line.number)
        }
    }
}

/// Blank lines are skipped by install-pkg's word splitting but are not part
/// of the format Tribblix writes.
struct PackageListBlankLineRule: DescriptorRule {
    let id = "tribblix.pkgs.blank-line"
    let summary = "a .pkgs file should have no blank lines"

    func check(_ list: ParsedLineList) -> [Diagnostic] {
        list.lines.filter(\.isBlank).map { line in
            warning("blank line in a package list; remove it", in: list.path, line: line.number)
        }
    }
}
