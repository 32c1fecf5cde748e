import Foundation

/// The write stage, the only one that touches the disk. It
/// - writes each file atomically (a temporary file beside it, then rename);
/// - never writes outside the output directory: paths are relative, have no
///   `..`, and no directory on the way may be a symbolic link;
/// - refuses a non-empty directory it did not generate, unless forced;
/// - removes files its previous generation wrote that this one does not;
/// - leaves a file alone when its bytes and mode are already right, so a
///   second run on the same input changes nothing.
public struct OutputWriter {
    /// Lists, one per line, the files smfkit wrote into a directory. Its
    /// presence is how smfkit knows the directory is its own.
    public static let markerName = ".smfkit-generated"

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
    }

    public func write(_ files: [GeneratedFile]) throws(WriteError) -> Report {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue, !isSymbolicLink(directory) else {
                throw WriteError(path: directory, message: "is not a directory; choose another --out")
            }
        } else {
            do {
                try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw WriteError(path: directory, message: "cannot create the output directory: \(error.localizedDescription)")
            }
        }

        let previous = try previousFiles()
        for file in files { try Self.checkRelative(file.path) }

        var report = Report()
        for file in files {
            if try writeIfChanged(file) {
                report.written.append(file.path)
            } else {
                report.unchanged.append(file.path)
            }
        }

        let current = Set(files.map(\.path))
        for stale in previous.subtracting(current).sorted() {
            // Only what our own marker listed, only a regular file, and only
            // if no directory on its way is a symbolic link (which could lead
            // outside the output directory).
            guard (try? Self.checkRelative(stale)) != nil, isPlainFileInside(stale) else { continue }
            if unlink(absolute(stale)) == 0 {
                report.removed.append(stale)
                removeEmptyParents(of: stale)
            }
        }

        let marker = GeneratedFile(path: Self.markerName, contents: files.map { $0.path + "\n" }.sorted().joined())
        _ = try writeIfChanged(marker)
        return report
    }

    /// The files the previous generation listed; throws if the directory is
    /// not empty and not ours (unless forced).
    private func previousFiles() throws(WriteError) -> Set<String> {
        let markerPath = absolute(Self.markerName)
        if let text = try? String(contentsOfFile: markerPath, encoding: .utf8) {
            return Set(text.split(separator: "\n").map(String.init))
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        if !entries.isEmpty, !force {
            throw WriteError(
                path: directory,
                message: "is not empty and smfkit did not generate it; choose an empty directory or pass --force"
            )
        }
        return []
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
    }

    private func absolute(_ relative: String) -> String {
        (directory as NSString).appendingPathComponent(relative)
    }

    /// Whether `relative` names a regular file reached through real
    /// directories only.
    private func isPlainFileInside(_ relative: String) -> Bool {
        var current = directory
        let parts = relative.split(separator: "/")
        for part in parts.dropLast() {
            current = (current as NSString).appendingPathComponent(String(part))
            var info = stat()
            guard lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return false }
        }
        var info = stat()
        return lstat(absolute(relative), &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    private func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    /// Creates the parent directories of `relative`, refusing to pass through
    /// a symbolic link (which could lead outside the output directory).
    private func prepareParents(of relative: String) throws(WriteError) {
        var current = directory
        for part in relative.split(separator: "/").dropLast() {
            current = (current as NSString).appendingPathComponent(String(part))
            if isSymbolicLink(current) {
                throw WriteError(path: current, message: "is a symbolic link; smfkit will not write through it")
            }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: current, isDirectory: &isDirectory) {
                if !isDirectory.boolValue {
                    throw WriteError(path: current, message: "is a file where smfkit needs a directory; remove it")
                }
            } else if mkdir(current, 0o755) != 0 {
                throw WriteError(path: current, message: "cannot create this directory: \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Returns whether anything was written.
    private func writeIfChanged(_ file: GeneratedFile) throws(WriteError) -> Bool {
        try prepareParents(of: file.path)
        let target = absolute(file.path)
        if isSymbolicLink(target) {
            throw WriteError(path: target, message: "is a symbolic link; smfkit will not write through it")
        }
        let bytes = Data(file.contents.utf8)
        if let existing = FileManager.default.contents(atPath: target), existing == bytes, mode(of: target) == file.mode {
            return false
        }
        let temporary = absolute(file.path + ".smfkit-tmp-\(getpid())")
        // O_EXCL + O_NOFOLLOW: never reuse or follow something planted there.
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, mode_t(file.mode))
        guard descriptor >= 0 else {
            throw WriteError(path: temporary, message: "cannot create a temporary file: \(String(cString: strerror(errno)))")
        }
        let complete = bytes.withUnsafeBytes { buffer -> Bool in
            guard let start = buffer.baseAddress else { return true }  // empty file
            var offset = 0
            while offset < buffer.count {
                let count = Foundation.write(descriptor, start + offset, buffer.count - offset)
                if count <= 0 { return false }
                offset += count
            }
            return true
        }
        // The umask may have narrowed the mode; set exactly what was asked.
        let modeSet = fchmod(descriptor, mode_t(file.mode)) == 0
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard complete, modeSet, synced, rename(temporary, target) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw WriteError(path: target, message: "cannot write this file: \(reason)")
        }
        return true
    }

    private func mode(of path: String) -> UInt16? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return UInt16(info.st_mode & 0o7777)
    }

    private func removeEmptyParents(of relative: String) {
        var parts = relative.split(separator: "/").dropLast()
        while !parts.isEmpty {
            let path = absolute(parts.joined(separator: "/"))
            guard (try? FileManager.default.contentsOfDirectory(atPath: path))?.isEmpty == true else { return }
            rmdir(path)
            parts = parts.dropLast()
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
