import ArgumentParser

/// How plan and describe print what they found: readable text, or JSON for
/// a program. (Diagnostics have their own, wider `DiagnosticFormat`; graphs
/// are pictures, `GraphCommand.Format`.)
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
