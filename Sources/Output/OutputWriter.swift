import Foundation

/// The write stage, the only one that touches the disk.
///
/// - All or nothing: the new generation is built beside the output directory
///   and switched in at once (`GenerationSwitch`); a run killed at any
///   moment, or stopped by a full disk, leaves the complete old generation
///   or the complete new one, and the next run cleans up after it.
/// - One at a time: a second concurrent generate fails (`OutputLock`).
/// - Never outside the output directory: paths are relative, have no `..`,
///   and no symbolic link in the directory is written through or followed
///   (a link someone put there is kept as it is).
/// - Only its own files: a file is replaced or removed only while its bytes
///   are what the marker says smfkit wrote (`GenerationMarker`). Files
///   someone else put there, and generated files someone edited, are kept
///   and reported; `--force` replaces them, and says which.
/// - Refuses a non-empty directory it did not generate, unless forced.
/// - Changes nothing when nothing changed: a second run on the same input
///   leaves the directory (and every file's mtime) as it was.
public struct OutputWriter {
    /// Where the marker is; its presence is how smfkit knows the directory
    /// is its own.
    public static let markerName = GenerationMarker.fileName
    public static let lockName = OutputLock.fileName

    public let directory: String
    public let force: Bool

    public init(directory: String, force: Bool = false) {
        self.directory = directory
        self.force = force
    }

    public struct Report: Sendable, Equatable {
        public var written: [String] = []
        public var unchanged: [String] = []
        public var removed: [String] = []
        /// Files kept although the generation has (or had) a file there:
        /// edited since smfkit wrote them, or never written by smfkit.
        public var kept: [Kept] = []
        /// With `--force`: files replaced that smfkit did not write as they are.
        public var overwritten: [Kept] = []
        /// What interrupted runs had left: a half-built generation, the
        /// previous one, temporary files of older versions.
        public var cleanedUp: [String] = []
        /// `--out` was a symbolic link; the generation went where it points.
        public var resolvedDirectory: String?
    }

    public struct Kept: Sendable, Equatable {
        public enum Reason: Sendable, Equatable {
            /// smfkit wrote it and someone changed it since.
            case edited
            /// smfkit never wrote it.
            case notGenerated
        }

        public var path: String
        public var reason: Reason
        /// Whether this generation has a file at that path.
        public var stillGenerated: Bool
    }

    public func write(_ files: [GeneratedFile]) throws(WriteError) -> Report {
        for file in files { try Self.checkRelative(file.path) }
        var report = Report()
        let target = try OutputLocation.resolve(directory)
        if OutputTree.kind(at: directory)?.kind == .symbolicLink { report.resolvedDirectory = target }
        let generationSwitch = GenerationSwitch(directory: target)
        try generationSwitch.restoreInterruptedSwitch()
        try OutputLocation.create(target)

        let lock = try OutputLock(directory: target)
        report.cleanedUp += generationSwitch.removeLeftovers()

        let plan = try GenerationPlan(directory: target, files: files, force: force)
        report.written = plan.written
        report.unchanged = plan.unchanged
        report.removed = plan.removed
        report.kept = plan.kept
        report.overwritten = plan.overwritten
        report.cleanedUp += plan.leftovers.map { target + "/" + $0 }
        guard plan.changesAnything else { return report }

        do {
            try plan.build(in: generationSwitch.staging, lock: lock)
        } catch {
            OutputTree.remove(generationSwitch.staging)
            throw WriteError(path: error.path, message: error.message + "; nothing was switched in, "
                + "\(target) is as it was")
        }
        do {
            try generationSwitch.switchIn()
        } catch {
            OutputTree.remove(generationSwitch.staging)
            throw error
        }
        // Held until the new generation is in place.
        withExtendedLifetime(lock) {}
        return report
    }

    /// Rejects absolute paths, `..`, empty components and control characters.
    static func checkRelative(_ path: String) throws(WriteError) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        let bad = path.isEmpty || path.hasPrefix("/")
            || parts.contains { $0.isEmpty || $0 == "." || $0 == ".." }
            || path.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
        if bad {
            throw WriteError(path: path, message: "is not a plain relative path inside the output directory; nothing was written there")
        }
        if path == markerName || path == lockName {
            throw WriteError(path: path, message: "is the name of smfkit's own bookkeeping file; nothing was written")
        }
    }
}

/// The output could not be written; nothing outside the directory was touched.
public struct WriteError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): error: \(message)" }
}
