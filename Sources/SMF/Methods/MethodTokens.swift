/// The `%` token grammar of method `exec` strings as svc.startd expands them
/// (`startd/expand.c: expand_method_tokens`, smf.md §6). Only the grammar
/// lives here; expansion needs a composed view and is built on these tokens.
public enum MethodToken: Hashable, Sendable {
    /// Text copied as it is (a `%%` contributes one `%`).
    case literal(String)
    /// `%r`: the restarter's name, `svc.startd`.
    case restarterName
    /// `%m`: the method's name (`start`, `stop`, `refresh`).
    case methodName
    /// `%s`: the service name.
    case serviceName
    /// `%i`: the instance name.
    case instanceName
    /// `%f`: the instance FMRI.
    case instanceFMRI
    /// `%{spec}` with an optional trailing `,` or `:` as the value separator.
    case property(PropertyReference)
}

/// The inside of `%{…}`.
public struct PropertyReference: Hashable, Sendable {
    /// As written, without the separator character.
    public var spec: String
    /// `" "` unless the spec ends with `,` or `:`.
    public var separator: Character

    public init(spec: String, separator: Character = " ") {
        self.spec = spec
        self.separator = separator
    }

    /// Which property the spec names, in the instance's composed view: a bare
    /// `name` means `application/name`, `pg/name` that property, and a full
    /// FMRI with `/:properties/` its pg and property. nil if the spec is
    /// none of those forms.
    public var propertyGroupAndName: (group: String, name: String)? {
        if spec.contains("/:properties/") {
            guard case .success(let parts) = FMRI.parseService(spec),
                  let group = parts.propertyGroup, let name = parts.property else { return nil }
            return (group, name)
        }
        let pieces = spec.split(separator: "/", omittingEmptySubsequences: false)
        switch pieces.count {
        case 1: return ("application", String(pieces[0]))
        case 2: return (String(pieces[0]), String(pieces[1]))
        default: return nil
        }
    }
}

/// What makes an `exec` string fail to expand.
public enum MethodTokenError: Error, Hashable, Sendable {
    /// `%` followed by a character that is not a token (`unknown method token`).
    case unknownToken(Character, offset: Int)
    /// `%{` with no closing `}` (`parse error`).
    case unterminatedProperty(offset: Int)
}

/// The special whole-string `exec` values (`restarter_is_null_method`,
/// `restarter_is_kill_method`).
public enum SpecialMethod: Hashable, Sendable {
    case `true`
    /// `:kill` with an optional `-SIG`.
    case kill(signal: String?)

    public init?(exec: String) {
        if exec == ":true" {
            self = .true
            return
        }
        guard exec.hasPrefix(":kill") else { return nil }
        let rest = exec.dropFirst(":kill".count)
        if rest.isEmpty {
            self = .kill(signal: nil)
            return
        }
        // `:kill -SIG`; whitespace between is allowed, `:kill_process` is inetd's.
        let signal = rest.drop(while: { $0 == " " || $0 == "\t" })
        guard signal.hasPrefix("-") else { return nil }
        self = .kill(signal: String(signal.dropFirst()))
    }
}

public enum MethodTokens {
    /// Splits an `exec` string into tokens, or reports the first error
    /// svc.startd would hit. A lone `%` at the end is dropped, as startd does.
    public static func tokenize(_ exec: String) -> Result<[MethodToken], MethodTokenError> {
        var tokens: [MethodToken] = []
        var literal = ""
        var index = exec.startIndex
        func flush() {
            if !literal.isEmpty { tokens.append(.literal(literal)) }
            literal = ""
        }
        while index < exec.endIndex {
            let character = exec[index]
            guard character == "%" else {
                literal.append(character)
                index = exec.index(after: index)
                continue
            }
            let offset = exec.distance(from: exec.startIndex, to: index)
            let next = exec.index(after: index)
            guard next < exec.endIndex else { break }
            let token: MethodToken
            switch exec[next] {
            case "%":
                literal.append("%")
                index = exec.index(after: next)
                continue
            case "r": token = .restarterName
            case "m": token = .methodName
            case "s": token = .serviceName
            case "i": token = .instanceName
            case "f": token = .instanceFMRI
            case "{":
                let bodyStart = exec.index(after: next)
                guard let close = exec[bodyStart...].firstIndex(of: "}") else {
                    return .failure(.unterminatedProperty(offset: offset))
                }
                var spec = String(exec[bodyStart..<close])
                var separator: Character = " "
                if let last = spec.last, last == "," || last == ":" {
                    separator = last
                    spec.removeLast()
                }
                flush()
                tokens.append(.property(PropertyReference(spec: spec, separator: separator)))
                index = exec.index(after: close)
                continue
            default:
                return .failure(.unknownToken(exec[next], offset: offset))
            }
            flush()
            tokens.append(token)
            index = exec.index(after: next)
        }
        flush()
        return .success(tokens)
    }
}
