import Cluster
import Output

/// The lines `generate` prints about what the writer kept, replaced or
/// cleaned up (the writer itself prints nothing).
enum WriteReportText {
    static func notes(_ report: OutputWriter.Report, directory: String) -> String {
        var lines: [String] = []
        let root = report.resolvedDirectory ?? directory
        if let resolved = report.resolvedDirectory {
            lines.append("\(directory): note: a symbolic link to \(resolved); the output went there")
        }
        for kept in report.kept {
            let why = kept.reason == .edited ? "was edited since smfkit wrote it" : "was not written by smfkit"
            let consequence = kept.stillGenerated
                ? "kept as it is, and the new generation's version was not written (--force replaces it)"
                : "kept, although smfkit no longer generates it; delete it yourself if it is not needed"
            lines.append("\(root)/\(kept.path): warning: \(why); \(consequence)")
        }
        for replaced in report.overwritten {
            let why = replaced.reason == .edited ? "edited since smfkit wrote it" : "not written by smfkit"
            lines.append("\(root)/\(replaced.path): note: overwritten (--force); it was \(why)")
        }
        for leftover in report.cleanedUp {
            lines.append("\(leftover): note: removed what an interrupted smfkit generate had left")
        }
        return lines.map { $0 + "\n" }.joined()
    }
}
