import Diagnostics

/// A `%` specifier whose value is only known where the unit runs
/// (systemd.unit(5), "Specifiers"); the ones fixed by the unit's name or by
/// the system manager's directories are resolved while reading.
public enum Specifier: Character, Hashable, Sendable, CaseIterable {
    /// `%i`: the instance name, escaped.
    case instance = "i"
    /// `%I`: the instance name, unescaped (`-` → `/`).
    case unescapedInstance = "I"
    case hostname = "H"
    case shortHostname = "l"
    case userHome = "h"
    case userName = "u"
    case userID = "U"
    case groupName = "g"
    case groupID = "G"
    case userShell = "s"
    case machineID = "m"
    case bootID = "b"
    case kernelRelease = "v"
    case architecture = "a"
    case osID = "o"
    case osVersionID = "w"
    case osBuildID = "B"
    case osVariantID = "W"
    case osImageID = "M"
    case osImageVersion = "A"
    case prettyHostname = "q"
    case credentialsDirectory = "d"
    /// `%y`, `%Y`: the unit file's path and directory on the Linux host.
    case fragmentPath = "y"
    case fragmentDirectory = "Y"
}

/// Text after specifier resolution: literal runs and the specifiers that
/// remain to be mapped.
public enum TextPiece: Hashable, Sendable {
    case literal(String)
    case specifier(Specifier)
}

/// Resolves `%` specifiers in one value for a unit of the system manager.
public enum SpecifierResolver {
    /// The directories of the system manager (systemd.unit(5): `%t`, `%S`, …).
    static let systemDirectories: [Character: String] = [
        "t": "/run", "S": "/var/lib", "C": "/var/cache", "L": "/var/log", "E": "/etc",
        "T": "/tmp", "V": "/var/tmp",
    ]

    public static func resolve(_ text: String, for name: UnitName, at location: SourceLocation)
        -> (pieces: [TextPiece], diagnostics: [Diagnostic])
    {
        var pieces: [TextPiece] = []
        var diagnostics: [Diagnostic] = []
        var literal = ""
        func flush() {
            if !literal.isEmpty { pieces.append(.literal(literal)) }
            literal = ""
        }
        func append(_ more: [TextPiece]) {
            for piece in more {
                if case .literal(let text) = piece { literal += text } else { flush(); pieces.append(piece) }
            }
        }
        var iterator = text.makeIterator()
        while let character = iterator.next() {
            guard character == "%" else {
                literal.append(character)
                continue
            }
            guard let code = iterator.next() else {
                diagnostics.append(.warning("a '%' ends the value; systemd refuses it, write '%%' for a percent sign",
                                            rule: SystemdRuleID.specifier, at: location))
                break
            }
            if let resolved = resolveFixed(code, name: name) {
                append(resolved)
            } else if let specifier = Specifier(rawValue: code) {
                flush()
                pieces.append(.specifier(specifier))
            } else {
                diagnostics.append(.warning("'%\(code)' is not a systemd specifier; systemd refuses the value. "
                                            + "Write '%%' for a percent sign", rule: SystemdRuleID.specifier, at: location))
                literal += "%\(code)"
            }
        }
        flush()
        return (pieces, diagnostics)
    }

    /// Specifiers the unit's own name or the system manager fix.
    private static func resolveFixed(_ code: Character, name: UnitName) -> [TextPiece]? {
        // In a template, the instance part stays a specifier: SMF names the
        // instance at run time, as systemd does.
        let instance: [TextPiece] = name.instance.map { $0.isEmpty ? [.specifier(.instance)] : [.literal($0)] } ?? []
        let unescapedInstance: [TextPiece] = name.instance.map {
            $0.isEmpty ? [.specifier(.unescapedInstance)] : [.literal(UnitName.unescape($0))]
        } ?? []
        let stem: [TextPiece] = name.instance == nil ? [.literal(name.prefix)] : [.literal(name.prefix + "@")] + instance
        switch code {
        case "%": return [.literal("%")]
        case "n": return stem + [.literal("." + name.type)]
        case "N": return stem
        case "p": return [.literal(name.prefix)]
        case "P": return [.literal(UnitName.unescape(name.prefix))]
        case "j": return [.literal(String(name.prefix.split(separator: "-").last ?? Substring(name.prefix)))]
        case "J": return [.literal(UnitName.unescape(String(name.prefix.split(separator: "-").last ?? Substring(name.prefix))))]
        case "f":
            return name.instance == nil ? [.literal("/" + UnitName.unescape(name.prefix))] : [.literal("/")] + unescapedInstance
        default:
            if name.instance != nil {
                if code == "i" { return instance }
                if code == "I" { return unescapedInstance }
            } else if code == "i" || code == "I" {
                return [.literal("")]  // systemd: empty outside an instance
            }
            return systemDirectories[code].map { [.literal($0)] }
        }
    }
}
