import Foundation
import Tribblix

/// What a file is, for validation: the one place that decides, for
/// `smfkit validate` (files on disk) and the verify stage of `generate`
/// (texts in memory) alike.
public enum FileKind: Hashable, Sendable {
    /// A Tribblix descriptor, recognised by its name (then its contents).
    case tribblix(DescriptorKind)
    /// A script or a file of a Tribblix package build tree that smfkit
    /// checks line by line (`TextFileKind`).
    case text(TextFileKind)
    /// An SMF manifest or profile: named `.xml`, or starting with `<`.
    case smfBundle
    /// A configuration file another tool reads and checks; smfkit
    /// recognises it, says which command checks it, and leaves it alone.
    case companion(checkedBy: String)
    /// Neither: some other text.
    case unknown

    /// The kind of a file from its path and its first bytes (`head`; nil
    /// when they could not be read). Anything unsure — unreadable, empty,
    /// XML-looking — is an SMF bundle, whose validator reports it precisely.
    public static func of(path: String, head: Data?) -> FileKind {
        if let kind = TribblixLint.kind(ofPath: path) {
            let text = head.flatMap { String(data: $0, encoding: .utf8) } ?? ""
            return .tribblix(TribblixLint.kind(ofPath: path, contents: text) ?? kind)
        }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if name == "pkginfo.arch" { return .text(.pkginfoArch) }
        if name == "arch.txt" { return .text(.archList) }
        if name == "build_require" || name.hasPrefix("build_require.") { return .text(.buildRequire) }
        if let checker = CompanionFiles.checker(ofName: name) { return .companion(checkedBy: checker) }
        if path.hasSuffix(".xml") { return .smfBundle }
        guard let head,
              let first = head.firstIndex(where: { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) })
        else { return .smfBundle }
        if head[first...].starts(with: Array("#!".utf8)) { return .text(.script) }
        return head[first] == UInt8(ascii: "<") ? .smfBundle : .unknown
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

/// The files smfkit checks as lines of text.
public enum TextFileKind: Hashable, Sendable {
    /// `#!…`: a method script, a build hook (`fixit`, `fixproto`, `build.sh`),
    /// an install script, a deploy script.
    case script
    /// A Tribblix package's `pkginfo.arch`: the `ARCH=` create_pkg puts in
    /// the package's pkginfo instead of `uname -p`.
    case pkginfoArch
    /// A Tribblix package's `arch.txt`: the architectures it is built for.
    case archList
    /// A Tribblix package's `build_require[.<arch>]`: the packages its build needs.
    case buildRequire
}

/// The configuration files `smfkit generate` writes for other tools, and the
/// command that checks each (the test suite runs them on what generate writes).
enum CompanionFiles {
    static func checker(ofName name: String) -> String? {
        if name == "haproxy.cfg" { return "haproxy -c -f FILE" }
        if name == "patroni.yml" { return "patroni --validate-config FILE" }
        if name == "stolon-cluster-spec.json" { return "stolonctl init --file FILE (JSON: python3 -m json.tool FILE)" }
        if name == ".smfkit-generated" { return "sha256sum -c (in the output directory)" }
        return nil
    }
}
