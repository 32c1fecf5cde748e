import Foundation

/// Writes to standard error: where diagnostics go, leaving stdout for results.
func writeToStandardError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}
