import Foundation

/// The file-system operations of the writer, none of which ever follows a
/// symbolic link: a link found in an output directory is an entry to keep
/// or refuse, never a way somewhere else.
enum OutputTree {
    enum Kind: Equatable {
        case file, directory, symbolicLink, other
    }

    struct Entry: Equatable {
        /// Relative to the walked directory.
        var path: String
        var kind: Kind
        var mode: UInt16
    }

    static func kind(at path: String) -> (kind: Kind, mode: UInt16)? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        let kind: Kind = switch info.st_mode & S_IFMT {
        case S_IFREG: .file
        case S_IFDIR: .directory
        case S_IFLNK: .symbolicLink
        default: .other
        }
        return (kind, UInt16(info.st_mode & 0o7777))
    }

    /// Every entry below `root`, parents before children, sorted; the
    /// contents of linked directories are not entries.
    static func walk(_ root: String) -> [Entry] {
        var entries: [Entry] = []
        func visit(_ relative: String) {
            let absolute = relative.isEmpty ? root : root + "/" + relative
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: absolute)) ?? []).sorted()
            for name in names {
                let path = relative.isEmpty ? name : relative + "/" + name
                guard let (kind, mode) = kind(at: root + "/" + path) else { continue }
                entries.append(Entry(path: path, kind: kind, mode: mode))
                if kind == .directory { visit(path) }
            }
        }
        visit("")
        return entries
    }

    /// The bytes of a regular file, never through a link.
    static func contents(of path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 { return nil }
            if count == 0 { return bytes }
            bytes += buffer[0..<count]
        }
    }

    /// `rm -rf` of smfkit's own staging or old generation: links are
    /// removed, never followed. A missing path is not an error.
    static func remove(_ path: String) {
        guard let (kind, _) = kind(at: path) else { return }
        if kind == .directory {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
                remove(path + "/" + name)
            }
            rmdir(path)
        } else {
            unlink(path)
        }
    }

    /// Writes a new file (never an existing one, never through a link) with
    /// exactly `mode`, and flushes it to disk.
    static func create(_ path: String, bytes: [UInt8], mode: UInt16) throws(WriteError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode_t(mode))
        guard descriptor >= 0 else { throw WriteError(path: path, message: "cannot create this file: \(errorText())") }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                buffer.baseAddress.map { write(descriptor, $0 + written, buffer.count - written) } ?? 0
            }
            if count <= 0 { break }
            written += count
        }
        let failure = written < bytes.count ? errorText() : nil
        // The umask may have narrowed the mode; set exactly what was asked.
        let complete = failure == nil && fchmod(descriptor, mode_t(mode)) == 0 && fsync(descriptor) == 0
        let reason = failure ?? errorText()
        close(descriptor)
        guard complete else { throw WriteError(path: path, message: "cannot write this file: \(reason)") }
    }

    static func makeDirectory(_ path: String, mode: UInt16) throws(WriteError) {
        guard mkdir(path, mode_t(mode)) == 0 else {
            throw WriteError(path: path, message: "cannot create this directory: \(errorText())")
        }
    }

    /// Flushes a directory's entries (the names of the files in it).
    static func sync(directory path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    static func errorText(_ code: Int32 = errno) -> String {
        String(cString: strerror(code))
    }
}
