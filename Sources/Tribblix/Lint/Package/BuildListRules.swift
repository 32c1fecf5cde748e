import Diagnostics

/// `restart_fmri_list`: create_pkg writes `svcadm restart <line>` for each
/// line, so each must be a full FMRI.
struct RestartListFMRIRule: DescriptorRule {
    let id = "tribblix.restart-fmri-list.fmri"
    let summary = "each restart_fmri_list line must be a full FMRI (svc:/system/manifest-import:default)"

    func check(_ file: ParsedLineList) -> [Diagnostic] {
        file.lines.compactMap { line in
            guard let problem = ServiceFMRI.problem(with: line.text) else { return nil }
            return error("\(problem); packages that ship manifests list \(RestartFMRIList.manifestImport)",
                         in: file.path, line: line.number)
        }
    }
}

struct RestartListDuplicateRule: DescriptorRule {
    let id = "tribblix.restart-fmri-list.duplicate"
    let summary = "restart_fmri_list must not list a service twice"

    func check(_ file: ParsedLineList) -> [Diagnostic] {
        var seen = FirstOccurrence<String>()
        return file.items.compactMap { line in
            guard let first = seen.earlierLine(of: line.text, on: line.number) else { return nil }
            return error("'\(line.text)' is already listed on line \(first); it would be restarted twice",
                         in: file.path, line: line.number)
        }
    }
}

/// `alias`: each line becomes `alias|PKG` in the repository's `aliases`
/// and a word on `zap install`'s command line.
struct AliasNameRule: DescriptorRule {
    let id = "tribblix.alias.name"
    let summary = "each alias line must be one word without '|' or '/'"

    func check(_ file: ParsedLineList) -> [Diagnostic] {
        file.lines.compactMap { line in
            let text = line.text
            if !text.isEmpty, !text.contains(where: { $0 == " " || $0 == "\t" || $0 == "|" || $0 == "/" }) { return nil }
            return error("alias '\(text)' must be one non-empty word without blanks, '|' or '/'; put one alias on each line",
                         in: file.path, line: line.number)
        }
    }
}

struct AliasDuplicateRule: DescriptorRule {
    let id = "tribblix.alias.duplicate"
    let summary = "an alias file must not list an alias twice"

    func check(_ file: ParsedLineList) -> [Diagnostic] {
        var seen = FirstOccurrence<String>()
        return file.items.compactMap { line in
            guard let first = seen.earlierLine(of: line.text, on: line.number) else { return nil }
            return error("alias '\(line.text)' is already listed on line \(first); remove the duplicate",
                         in: file.path, line: line.number)
        }
    }
}
