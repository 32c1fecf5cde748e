import CSystem
import Foundation

/// How a new generation replaces the old one in a single step.
///
/// The output directory `DIR` always holds one complete generation. A new
/// one is built in `.NAME.smfkit-staging` beside it (same parent, so the
/// same file system) and, once complete (its marker is written last),
/// swapped with `DIR` by one `renameat2(RENAME_EXCHANGE)`: the old
/// generation is then at the staging name, and is deleted. Killed at any
/// moment, or stopped by a full disk, `DIR` is the complete old generation
/// (before the swap) or the complete new one (after); what is left beside
/// it is the next run's to delete, under the lock, before it starts.
///
/// Where the file system cannot swap (`EINVAL`, `ENOSYS`), two renames do
/// it: `DIR` to `.NAME.smfkit-old`, then the staging directory to `DIR`.
/// Killed between the two, `DIR` is missing for an instant; the next run
/// sees the old generation beside it and finishes the switch (the staging
/// directory has its marker, so it is complete) or undoes it (it has not).
struct GenerationSwitch {
    let directory: String
    let staging: String
    let old: String

    init(directory: String) {
        let (parent, name) = OutputTree.split(directory)
        let prefix = (parent.isEmpty ? "." : parent) + "/." + name
        self.directory = directory
        staging = prefix + ".smfkit-staging"
        old = prefix + ".smfkit-old"
    }

    /// Puts a generation a killed run left half-switched back in place.
    /// Runs before the lock can be taken (the lock is in `DIR`).
    func restoreInterruptedSwitch() throws(WriteError) {
        guard OutputTree.kind(at: directory) == nil, OutputTree.kind(at: old)?.kind == .directory else { return }
        let stagingComplete = OutputTree.kind(at: staging + "/" + GenerationMarker.fileName)?.kind == .file
        let source = stagingComplete ? staging : old
        guard rename(source, directory) == 0 else {
            throw WriteError(path: directory, message: "a previous run was interrupted while switching generations, "
                + "and \(source) cannot be moved back: \(OutputTree.errorText())")
        }
    }

    /// Deletes what a killed or failed run left beside `DIR`; under the lock.
    /// Returns what it deleted.
    func removeLeftovers() -> [String] {
        [staging, old].filter { path in
            guard OutputTree.kind(at: path) != nil else { return false }
            OutputTree.remove(path)
            return true
        }
    }

    /// The switch itself: the staging directory becomes `DIR`; the old
    /// generation is deleted.
    func switchIn() throws(WriteError) {
        OutputTree.sync(directory: staging)
        if smfkit_exchange(staging, directory) == 0 {
            syncParent()
            OutputTree.remove(staging)
            return
        }
        guard errno == EINVAL || errno == ENOSYS || errno == ENOTSUP else {
            throw WriteError(path: directory, message: "cannot switch in the new generation: \(OutputTree.errorText()); "
                + "the previous one is still in place")
        }
        guard rename(directory, old) == 0 else {
            throw WriteError(path: directory, message: "cannot move the previous generation aside: \(OutputTree.errorText())")
        }
        guard rename(staging, directory) == 0 else {
            let reason = OutputTree.errorText()
            rename(old, directory)
            throw WriteError(path: directory, message: "cannot switch in the new generation: \(reason); "
                + "the previous one is back in place")
        }
        syncParent()
        OutputTree.remove(old)
    }

    private func syncParent() {
        let parent = OutputTree.split(directory).parent
        OutputTree.sync(directory: parent.isEmpty ? "." : parent)
    }
}
