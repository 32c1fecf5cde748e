/// What makes an `exec` string fail to expand.
public enum MethodTokenError: Error, Hashable, Sendable {
    /// `%` followed by a character that is not a token (`unknown method token`).
    case unknownToken(Character, offset: Int)
    /// `%{` with no closing `}` (`parse error`).
    case unterminatedProperty(offset: Int)
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
