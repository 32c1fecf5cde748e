import Foundation

/// Writes to standard error: where diagnostics go, leaving stdout for results.
func writeToStandardError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}

/// Writes to standard output unbuffered, so it never interleaves oddly with
/// what goes to stderr.
func writeToStandardOutput(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}
