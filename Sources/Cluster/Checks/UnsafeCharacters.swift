/// The characters no value of a definition may hold, and why. Values land
/// unquoted in places with different quoting rules: SMF XML (which cannot
/// carry most control characters), `exec` method tokens (svc.startd expands
/// `%`), the generated deploy script (a POSIX shell), haproxy.cfg and
/// patroni.yml (where `#` starts a comment and spaces split words), and
/// comma-separated lists (etcd's `--initial-cluster`, patroni's etcd hosts).
/// Rather than quote for each, smfkit allows only characters that mean the
/// same thing in all of them.
enum UnsafeCharacters {
    /// The first unsafe character of `value`, its offset in Unicode scalars,
    /// and why it is unsafe.
    static func first(in value: String) -> (scalar: Unicode.Scalar, offset: Int, reason: String)? {
        for (offset, scalar) in value.unicodeScalars.enumerated() {
            if let reason = reason(scalar) { return (scalar, offset, reason) }
        }
        return nil
    }

    static func reason(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "'", "\"", "`", "\\":
            return "it quotes or escapes text in the deploy script's shell"
        case "$":
            return "it expands a variable in the deploy script's shell"
        case ";", "&", "|", "<", ">", "(", ")":
            return "it is a shell operator"
        case "*", "?", "[", "]", "{", "}", "~", "!":
            return "the shell expands it"
        case "#":
            return "it starts a comment in haproxy.cfg, patroni.yml and the shell"
        case "%":
            return "svc.startd expands it in a method token"
        case ",":
            return "it separates the items of etcd's and patroni's member lists"
        default:
            break
        }
        switch scalar.properties.generalCategory {
        case .control:
            return "control characters cannot be carried by XML or config files"
        case .spaceSeparator, .lineSeparator, .paragraphSeparator:
            return "white space splits words in a command line and in config files"
        case .format:
            return "it is an invisible formatting character"
        case .privateUse, .unassigned, .surrogate:
            return "it is not an assigned character"
        default:
            return nil
        }
    }
}
