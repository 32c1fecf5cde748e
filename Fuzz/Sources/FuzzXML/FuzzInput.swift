import Foundation
import SMF

/// One validator for the whole run: the DTD is parsed once, as in
/// `smfkit validate`, so each input costs only its own parse and rules.
nonisolated(unsafe) private let session = ValidationSession(validator: Validator(dtd: .embedded))

/// Called by libFuzzer for each input: any bytes as a manifest. Crashes, leaks and
/// slow inputs are libFuzzer's to report; the verdict itself is not checked.
// Also under libFuzzer's own name: its runtime refers to that symbol.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    let report = session.validate(data: data, path: "fuzz.xml")
    // Diagnostics are what a user reads; render them as the CLI would.
    for diagnostic in report.diagnostics { _ = diagnostic.description }
    return 0
}
