import Diagnostics

/// zap's `deprecated.ovl` lists overlay ids that `zap upgrade` removes; each
/// line is used as a file name under /var/sadm/overlays.
struct OverlayListIDRule: DescriptorRule {
    let id = "tribblix.ovl-list.overlay-id"
    let summary = "each line of an overlay list must be one overlay id"

    func check(_ list: ParsedLineList) -> [Diagnostic] {
        list.lines.compactMap { line in
            guard let problem = OverlayID.problem(with: line.text) else { return nil }
            return error("\(problem); put one overlay id on each line", in: list.path, line: line.number)
        }
    }
}

/// A repeated id in an overlay list.
struct OverlayListDuplicateRule: DescriptorRule {
    let id = "tribblix.ovl-list.duplicate"
    let summary = "an overlay list must not name an overlay twice"

    func check(_ list: ParsedLineList) -> [Diagnostic] {
        var seen = FirstOccurrence<String>()
        return list.items.compactMap { line in
            guard let first = seen.earlierLine(of: line.text, on: line.number) else { return nil }
            return error("overlay '\(line.text)' is already listed on line \(first); remove the duplicate",
                         in: list.path, line: line.number)
        }
    }
}
