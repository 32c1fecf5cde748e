import Foundation
import Tribblix

/// What a file is, for validation: the one place that decides, for
/// `smfkit validate` (files on disk) and the verify stage of `generate`
/// (texts in memory) alike.
public enum FileKind: Hashable, Sendable {
    /// A Tribblix descriptor, recognised by its name (then its contents).
    case tribblix(DescriptorKind)
    /// An SMF manifest or profile: named `.xml`, or starting with `<`.
    case smfBundle
    /// Neither: a script, a configuration file, some other text.
    case unknown

    /// The kind of a file from its path and its first bytes (`head`; nil
    /// when they could not be read). Anything unsure — unreadable, empty,
    /// XML-looking — is an SMF bundle, whose validator reports it precisely.
    public static func of(path: String, head: Data?) -> FileKind {
        if let kind = TribblixLint.kind(ofPath: path) {
            let text = head.flatMap { String(data: $0, encoding: .utf8) } ?? ""
            return .tribblix(TribblixLint.kind(ofPath: path, contents: text) ?? kind)
        }
        if path.hasSuffix(".xml") { return .smfBundle }
        guard let head,
              let first = head.first(where: { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) })
        else { return .smfBundle }
        return first == UInt8(ascii: "<") ? .smfBundle : .unknown
    }

    /// The kind of a text already in memory.
    public static func of(path: String, text: String) -> FileKind {
        of(path: path, head: Data(text.utf8))
    }

    /// The kind of a file on disk, reading no more than its first 512 bytes
    /// (a descriptor is read whole: its contents tell `.ovl` forms apart).
    public static func of(path: String) -> FileKind {
        guard let handle = FileHandle(forReadingAtPath: path) else { return of(path: path, head: nil) }
        defer { try? handle.close() }
        let limit = TribblixLint.kind(ofPath: path) == nil ? 512 : 1 << 20
        return of(path: path, head: (try? handle.read(upToCount: limit)) ?? Data())
    }
}
