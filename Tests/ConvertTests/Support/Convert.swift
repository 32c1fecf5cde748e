@testable import Convert
import Output
import Diagnostics
import Foundation
import Testing

/// Runs the conversion pipeline on inline unit text.
func convert(_ units: [(String, String)], options: ConversionOptions = ConversionOptions(), strict: Bool = false)
    -> ConversionPipeline.Outcome
{
    ConversionPipeline(options: options).run(sources: units.map { (path: $0.0, text: $0.1) }, strict: strict)
}

extension ConversionPipeline.Outcome {
    var files: [GeneratedFile] {
        if case .converted(let files, _, _) = self { return files }
        return []
    }

    var warnings: [Diagnostic] {
        if case .converted(_, _, let warnings) = self { return warnings }
        return []
    }

    var errors: [Diagnostic] {
        switch self {
        case .converted: []
        case .refused(let diagnostics), .invalidOutput(let diagnostics): diagnostics
        }
    }

    func file(_ path: String) -> String? { files.first { $0.path == path }?.contents }
}

