import Foundation

/// What a new generation does to an output directory, decided before
/// anything is written: which files it writes, which stay as they are, which
/// go, and what of the directory's other content it carries over.
///
/// Carried over (hard-linked, so neither copied nor touched): files smfkit
/// did not write, generated files someone edited, and the links and
/// directories someone made. A file the generation has at the same path as
/// one of those is not written (it is reported as kept) unless forced.
struct GenerationPlan {
    let directory: String
    let force: Bool

    private(set) var written: [String] = []
    private(set) var unchanged: [String] = []
    private(set) var removed: [String] = []
    private(set) var kept: [OutputWriter.Kept] = []
    private(set) var overwritten: [OutputWriter.Kept] = []
    /// Temporary files older versions of smfkit left when killed.
    private(set) var leftovers: [String] = []

    private var toWrite: [GeneratedFile] = []
    /// Entries of the current directory that go into the new generation
    /// as they are: unchanged generated files and everything carried over.
    private var carried: [OutputTree.Entry] = []
    private var marker: GenerationMarker
    private var previousMarkerText: String?
    private let directoryMode: UInt16

    init(directory: String, files: [GeneratedFile], force: Bool) throws(WriteError) {
        self.directory = directory
        self.force = force
        directoryMode = OutputTree.kind(at: directory)?.mode ?? 0o755
        let markerPath = directory + "/" + GenerationMarker.fileName
        previousMarkerText = OutputTree.contents(of: markerPath).map { String(decoding: $0, as: UTF8.self) }
        let previous = previousMarkerText.map(GenerationMarker.init(parsing:))
        marker = GenerationMarker(files: files)

        let entries = OutputTree.walk(directory).filter {
            $0.path != GenerationMarker.fileName && $0.path != OutputLock.fileName
        }
        let isLeftover = { (entry: OutputTree.Entry) in
            entry.kind == .file && entry.path.firstMatch(of: /\.smfkit-tmp-[0-9]+$/) != nil
        }
        if previous == nil, !force, entries.contains(where: { !isLeftover($0) }) {
            throw WriteError(
                path: directory,
                message: "is not empty and smfkit did not generate it (it has no \(GenerationMarker.fileName)); "
                    + "choose an empty directory or pass --force")
        }

        let generated = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let neededDirectories = Set(files.flatMap { Self.parents(of: $0.path) })
        var present = Set<String>()
        for entry in entries {
            if isLeftover(entry) {
                leftovers.append(entry.path)
                continue
            }
            let path = directory + "/" + entry.path
            switch entry.kind {
            case .directory:
                if generated[entry.path] != nil {
                    throw WriteError(path: path, message: "is a directory where smfkit writes a file; move it away")
                }
                // Generated directories are made anew; one someone made
                // (not on the way to a file smfkit had or has) is carried.
                let previouslyGenerated = previous?.hashes.keys.contains { $0.hasPrefix(entry.path + "/") } ?? false
                if !neededDirectories.contains(entry.path), !previouslyGenerated { carried.append(entry) }
            case .symbolicLink, .other:
                if generated[entry.path] != nil || neededDirectories.contains(entry.path) {
                    let what = entry.kind == .symbolicLink ? "a symbolic link" : "a special file"
                    throw WriteError(path: path, message: "is \(what); smfkit will not write through it; remove it")
                }
                guard entry.kind == .symbolicLink else {
                    throw WriteError(path: path, message: "is a special file smfkit cannot keep in a new generation; "
                        + "move it out of the output directory")
                }
                carried.append(entry)
            case .file:
                if neededDirectories.contains(entry.path) {
                    throw WriteError(path: path, message: "is a file where smfkit needs a directory; remove it")
                }
                present.insert(entry.path)
                let bytes = OutputTree.contents(of: path) ?? []
                try classify(entry, bytes: bytes, new: generated[entry.path], previous: previous)
            }
        }
        for file in files where !present.contains(file.path) {
            toWrite.append(file)
            written.append(file.path)
        }
        written.sort()
    }

    private mutating func classify(_ entry: OutputTree.Entry, bytes: [UInt8], new: GeneratedFile?,
                                   previous: GenerationMarker?) throws(WriteError)
    {
        let ours = previous?.isUnchanged(entry.path, bytes: bytes) ?? false
        let reason: OutputWriter.Kept.Reason = previous?.hashes[entry.path] != nil ? .edited : .notGenerated
        // A kept file stays on record with what smfkit last wrote there (so
        // it stays "edited"); one smfkit never wrote, or whose hash an older
        // marker did not keep, is not listed.
        let recorded: String? = previous?.hashes[entry.path] ?? nil
        func keepOnRecord() {
            if let recorded { marker.hashes[entry.path] = recorded } else { marker.hashes.removeValue(forKey: entry.path) }
        }
        guard let new else {
            if ours {
                removed.append(entry.path)
            } else {
                carried.append(entry)
                if reason == .edited {
                    kept.append(.init(path: entry.path, reason: .edited, stillGenerated: false))
                    keepOnRecord()
                }
            }
            return
        }
        let newBytes = Array(new.contents.utf8)
        if bytes == newBytes, entry.mode == new.mode {
            unchanged.append(entry.path)
            carried.append(entry)
        } else if ours || bytes == newBytes {
            toWrite.append(new)
            written.append(entry.path)
        } else if force {
            toWrite.append(new)
            written.append(entry.path)
            overwritten.append(.init(path: entry.path, reason: reason, stillGenerated: true))
        } else {
            carried.append(entry)
            kept.append(.init(path: entry.path, reason: reason, stillGenerated: true))
            keepOnRecord()
        }
    }

    var changesAnything: Bool {
        !written.isEmpty || !removed.isEmpty || !leftovers.isEmpty || previousMarkerText != marker.rendered()
    }

    /// Builds the complete new generation in `staging` (which must not
    /// exist), its marker last: a staging directory with a marker is whole.
    func build(in staging: String, lock: OutputLock) throws(WriteError) {
        try OutputTree.makeDirectory(staging, mode: 0o700)
        try lock.lockAlso(staging + "/" + OutputLock.fileName, directory: directory)
        var made: [String] = []
        var directoryModes: [(String, UInt16)] = []
        // Files created without their own fsync, flushed together below.
        var unflushed: [String] = []
        func prepareParents(of relative: String) throws(WriteError) {
            for parent in Self.parents(of: relative) where OutputTree.kind(at: staging + "/" + parent) == nil {
                try OutputTree.makeDirectory(staging + "/" + parent, mode: 0o755)
                made.append(parent)
            }
        }

        for entry in carried {
            try prepareParents(of: entry.path)
            let source = directory + "/" + entry.path
            let destination = staging + "/" + entry.path
            switch entry.kind {
            case .directory:
                if OutputTree.kind(at: destination) == nil {
                    try OutputTree.makeDirectory(destination, mode: 0o700)
                    made.append(entry.path)
                }
                // Its own mode once everything is in it (it may not let
                // even its owner write).
                directoryModes.append((destination, entry.mode))
            case .symbolicLink:
                guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: source),
                      symlink(target, destination) == 0
                else {
                    throw WriteError(path: source, message: "cannot keep this link in the new generation: \(OutputTree.errorText())")
                }
            case .file:
                // A hard link keeps the very file (and its mtime); a copy
                // where the file system has none.
                if link(source, destination) != 0 {
                    guard let bytes = OutputTree.contents(of: source) else {
                        throw WriteError(path: source, message: "cannot read this file to keep it: \(OutputTree.errorText())")
                    }
                    try OutputTree.create(destination, bytes: bytes, mode: entry.mode, flush: false)
                    unflushed.append(destination)
                }
            case .other:
                break
            }
        }
        for file in toWrite {
            try prepareParents(of: file.path)
            try OutputTree.create(staging + "/" + file.path, bytes: Array(file.contents.utf8), mode: file.mode, flush: false)
            unflushed.append(staging + "/" + file.path)
        }
        for (path, mode) in directoryModes.reversed() { chmod(path, mode_t(mode)) }
        // Crash safety does not need each file on disk as it is written,
        // only every file on disk before the marker (a staging directory
        // with a marker is whole) and before the switch makes it the output
        // directory. One flush of the whole tree here gives exactly that
        // order — files and their directories, then the marker (fsync'd),
        // then switchIn's sync of staging and of the parent around the
        // rename — and costs one journal commit instead of one per file
        // (a per-file fsync was ~9 % of a 1,000-node generate).
        try OutputTree.flushTree(staging, paths: unflushed, directories: made.reversed().map { staging + "/" + $0 })
        try OutputTree.create(staging + "/" + GenerationMarker.fileName, bytes: Array(marker.rendered().utf8), mode: 0o644)
        chmod(staging, mode_t(directoryMode))
    }

    /// `a/b/c.xml` → `a`, `a/b`.
    static func parents(of path: String) -> [String] {
        let parts = path.split(separator: "/").dropLast()
        return parts.indices.map { parts[...$0].joined(separator: "/") }
    }
}
