import Cluster
import Foundation

/// Called by libFuzzer for each input: any bytes as a cluster definition, loaded and
/// checked as `smfkit check` does.
// Also under libFuzzer's own name: its runtime refers to that symbol.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    let load = DefinitionChecker.check(DefinitionLoader.load(data: data, file: "fuzz.yaml"))
    for diagnostic in load.diagnostics { _ = diagnostic.description }
    return 0
}
