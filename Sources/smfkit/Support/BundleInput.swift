import ArgumentParser
import Diagnostics
import Output
import SMF

/// The service bundles that plan, graph and describe read: files named on
/// the command line, a directory's `*.xml` (its `manifests/` folder when
/// generate wrote it). An input that cannot be read is a usage or I/O
/// error (exit 2); a file that is not SMF XML makes the command fail (exit 1).
func readBundles(_ inputs: [String]) throws -> [ServiceBundle] {
    let loaded = PlanInput.load(inputs, preferring: GeneratedLayout.manifests)
    if !loaded.unreadable.isEmpty {
        writeToStandardError(DiagnosticFormatter.text(loaded.unreadable + loaded.diagnostics))
        throw ExitCode(2)
    }
    if !loaded.diagnostics.isEmpty {
        writeToStandardError(DiagnosticFormatter.text(loaded.diagnostics))
        throw ExitCode(1)
    }
    return loaded.bundles
}
