import Diagnostics

extension ParsedPrototype.Object {
    /// The installed pathname: the part before `=` for `path=source` and links.
    var pathname: Field? {
        guard fields.count > 2 else { return nil }
        let field = fields[2]
        let path = field.text.split(separator: "=", maxSplits: 1).first.map(String.init) ?? field.text
        return Field(text: path, column: field.column)
    }

    var isObject: Bool { fileType.text != "i" }
}

/// Field counts per prototype(5) file type: `i name[=src]`; `l`/`s`
/// `class path1=path2`; `b`/`c` `class path major minor mode owner group`;
/// the rest `class path mode owner group` (mode/owner/group may be left out
/// after a `!default`).
struct PrototypeSyntaxRule: DescriptorRule {
    let id = "tribblix.prototype.syntax"
    let summary = "each prototype line must have a known file type and that type's fields"

    func check(_ prototype: ParsedPrototype) -> [Diagnostic] {
        let defaults = prototype.hasDefaultCommand
        return prototype.objects.compactMap { object in
            let type = object.fileType.text
            let count = object.fields.count
            let expected: [Int]
            let shape: String
            switch type {
            case "i": expected = [2]; shape = "i name=source"
            case "l", "s": expected = [3]; shape = "\(type) class path=target"
            case "b", "c": expected = defaults ? [5, 8] : [8]; shape = "\(type) class path major minor mode owner group"
            case "d", "e", "f", "p", "v", "x": expected = defaults ? [3, 6] : [6]; shape = "\(type) class path mode owner group"
            default:
                return error("'\(type)' is not a prototype file type; use one of b c d e f i l p s v x",
                             in: prototype.path, line: object.line.number, column: object.fileType.column)
            }
            if expected.contains(count) { return nil }
            return error("a '\(type)' line has \(count) fields; write it as '\(shape)'",
                         in: prototype.path, line: object.line.number, column: object.fileType.column)
        }
    }
}

/// Modes are octal (`0755`), `?` to keep the proto file's, or a `$variable`.
struct PrototypeModeRule: DescriptorRule {
    let id = "tribblix.prototype.mode"
    let summary = "a prototype mode must be octal (e.g. 0755), ? or a $variable"

    func check(_ prototype: ParsedPrototype) -> [Diagnostic] {
        prototype.objects.compactMap { object in
            let index: Int
            switch object.fileType.text {
            case "d", "e", "f", "p", "v", "x": index = 3
            case "b", "c": index = 5
            default: return nil
            }
            guard object.fields.count > index else { return nil }
            let mode = object.fields[index]
            let octal = (3...4).contains(mode.text.count) && mode.text.allSatisfy { ("0"..."7").contains($0) }
            if octal || mode.text == "?" || mode.text.hasPrefix("$") { return nil }
            return error("mode '\(mode.text)' is not octal; write it like 0755 or 0644",
                         in: prototype.path, line: object.line.number, column: mode.column)
        }
    }
}

/// pkgmk needs the package's pkginfo; create_pkg always starts the
/// prototype with `i pkginfo=./pkginfo`.
struct PrototypePkginfoRule: DescriptorRule {
    let id = "tribblix.prototype.pkginfo"
    let summary = "a prototype must include its pkginfo with an 'i pkginfo=' line"

    func check(_ prototype: ParsedPrototype) -> [Diagnostic] {
        let hasPkginfo = prototype.objects.contains { object in
            object.fileType.text == "i" && object.fields.count > 1
                && object.fields[1].text.split(separator: "=").first == "pkginfo"
        }
        if hasPkginfo || prototype.commands.contains(where: { $0.text.hasPrefix("!include") }) { return [] }
        return [error("the prototype has no 'i pkginfo=' line; add 'i pkginfo=./pkginfo' first", in: prototype.path, line: 1)]
    }
}

/// The information files pkgadd knows: `i` lines may only name these
/// (class action scripts are `i.<class>` / `r.<class>`).
struct PrototypeInstallFileRule: DescriptorRule {
    static let names: Set<String> = [
        "pkginfo", "depend", "compver", "copyright", "request", "checkinstall", "space",
        "preinstall", "postinstall", "preremove", "postremove",
    ]
    let id = "tribblix.prototype.install-file"
    let summary = "an 'i' line must name a package information file or class action script"

    func check(_ prototype: ParsedPrototype) -> [Diagnostic] {
        prototype.objects.compactMap { object in
            guard object.fileType.text == "i", object.fields.count > 1 else { return nil }
            let name = String(object.fields[1].text.split(separator: "=").first ?? "")
            if Self.names.contains(name) || name.hasPrefix("i.") || name.hasPrefix("r.") { return nil }
            return error("'\(name)' is not a package information file; pkgadd only knows \(Self.names.sorted().joined(separator: ", ")) and i.<class>/r.<class> scripts",
                         in: prototype.path, line: object.line.number, column: object.fields[1].column)
        }
    }
}

/// Links are `path=target`.
struct PrototypeLinkRule: DescriptorRule {
    let id = "tribblix.prototype.link"
    let summary = "an 'l' or 's' line must give path=target"

    func check(_ prototype: ParsedPrototype) -> [Diagnostic] {
        prototype.objects.compactMap { object in
            guard ["l", "s"].contains(object.fileType.text), object.fields.count > 2 else { return nil }
            let parts = object.fields[2].text.split(separator: "=", omittingEmptySubsequences: false)
            if parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty { return nil }
            return error("'\(object.fields[2].text)' is not path=target; a link names where it is and what it points to",
                         in: prototype.path, line: object.line.number, column: object.fields[2].column)
        }
    }
}

/// One pathname, one entry: pkgmk refuses a package with the same path twice.
struct PrototypeDuplicatePathRule: DescriptorRule {
    let id = "tribblix.prototype.duplicate-path"
    let summary = "a pathname must appear in only one prototype entry"

    func check(_ prototype: ParsedPrototype) -> [Diagnostic] {
        var seen = FirstOccurrence<String>()
        return prototype.objects.compactMap { object in
            guard object.isObject, let path = object.pathname else { return nil }
            guard let first = seen.earlierLine(of: path.text, on: object.line.number) else { return nil }
            return error("'\(path.text)' is already listed on line \(first); keep one entry per path",
                         in: prototype.path, line: object.line.number, column: path.column)
        }
    }
}

/// Everything create_pkg packages has relative paths, relocatable under
/// BASEDIR, which is what lets `pkgadd -R` install into a zone root.
struct PrototypeRelativePathRule: DescriptorRule {
    let id = "tribblix.prototype.relative-path"
    let summary = "prototype pathnames should be relative (relocatable under BASEDIR)"

    func check(_ prototype: ParsedPrototype) -> [Diagnostic] {
        prototype.objects.compactMap { object in
            guard object.isObject, let path = object.pathname, path.text.hasPrefix("/") else { return nil }
            return warning("'\(path.text)' is absolute; Tribblix packages use relative paths (drop the leading '/') so they relocate under BASEDIR",
                           in: prototype.path, line: object.line.number, column: path.column)
        }
    }
}

/// A directory illumos delivers (etc, opt, var, var/svc/manifest/…, in
/// SUNWcs) given another owner or group: zap's pkgadd runs with conflict
/// checks off (`pkg.force`), so installing the package changes it on the
/// system (`etc/opt` is `root sys`, not `root bin`).
struct PrototypeSystemDirectoryRule: DescriptorRule {
    let id = "tribblix.prototype.system-directory"
    let summary = "a directory illumos delivers must keep the owner and group illumos gives it"

    func check(_ prototype: ParsedPrototype) -> [Diagnostic] {
        prototype.objects.compactMap { object in
            guard object.fileType.text == "d", object.fields.count >= 6, let path = object.pathname,
                  let delivered = IllumosSystemDirectories.ownership(of: path.text) else { return nil }
            let (owner, group) = (object.fields[4], object.fields[5])
            if owner.text == "?" || owner.text.hasPrefix("$") || group.text.hasPrefix("$") { return nil }
            guard owner.text != delivered.owner || (group.text != delivered.group && group.text != "?") else { return nil }
            return error("illumos delivers \(path.text) as \(delivered.owner):\(delivered.group) (SUNWcs), and zap's "
                         + "pkgadd would change it to \(owner.text):\(group.text); write 'd none \(path.text) "
                         + "\(object.fields[3].text) \(delivered.owner) \(delivered.group)'",
                         in: prototype.path, line: object.line.number, column: owner.column)
        }
    }
}
