import Foundation

/// One `smfkit generate` at a time per output directory: an exclusive
/// `flock` on `.smfkit-lock` inside it. A second generate fails within a
/// second, saying why, instead of racing the first one.
///
/// Why not at once: a `flock` belongs to the open file, and a process that
/// forks copies its descriptors, so until the child's `exec` closes them
/// (they are close-on-exec) the child holds a lock its parent has already
/// released. A program that embeds the writer and starts processes on other
/// threads — the test suite does — would see its own lock as taken by
/// another generate. A short grace outlasts that window; a real second
/// generate holds the lock far longer.
///
/// The lock file moves with the generation it is in: when a new generation
/// is switched in, the old lock file goes out with the old one. So the
/// writer also locks the new generation's lock file before the switch, and
/// whoever opens a lock file checks, once it holds it, that it is still the
/// one in the directory (else it tries again on the new one).
final class OutputLock {
    static let fileName = ".smfkit-lock"

    private var descriptors: [Int32] = []

    deinit {
        // Closing the descriptor releases its lock.
        for descriptor in descriptors { close(descriptor) }
    }

    init(directory: String) throws(WriteError) {
        let path = directory + "/" + Self.fileName
        for _ in 0..<100 {
            let descriptor = try Self.lock(path, directory: directory)
            var held = stat()
            var current = stat()
            if fstat(descriptor, &held) == 0, lstat(path, &current) == 0,
               held.st_dev == current.st_dev, held.st_ino == current.st_ino
            {
                descriptors.append(descriptor)
                return
            }
            close(descriptor)
        }
        throw WriteError(path: path, message: "keeps being replaced while smfkit tries to lock it; try again")
    }

    /// Locks the lock file of a generation about to be switched in.
    func lockAlso(_ path: String, directory: String) throws(WriteError) {
        descriptors.append(try Self.lock(path, directory: directory))
    }

    private static func lock(_ path: String, directory: String) throws(WriteError) -> Int32 {
        let descriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw WriteError(path: path, message: "cannot open the lock file: \(OutputTree.errorText())")
        }
        guard Self.acquire(descriptor) else {
            let busy = errno == EWOULDBLOCK
            let reason = OutputTree.errorText()
            close(descriptor)
            throw WriteError(
                path: directory,
                message: busy
                    ? "another smfkit generate is writing this directory now (it holds \(path)); "
                        + "wait for it to finish, then run again"
                    : "cannot lock \(path): \(reason)")
        }
        return descriptor
    }

    private static let grace: Duration = .seconds(1)

    /// Tries the lock until it is free or the grace is over; `errno` says
    /// why it failed.
    private static func acquire(_ descriptor: Int32) -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + grace
        while true {
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return true }
            guard errno == EWOULDBLOCK, clock.now < deadline else { return false }
            usleep(10_000)
        }
    }
}
