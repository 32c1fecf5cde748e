/// A fault management resource identifier as libscf parses it
/// (`scf_parse_fmri`, smf.md §3.2).
///
/// ```
/// svc:  [svc:][//scope[@localhost]][/]service[:instance][/:properties/pg[/prop]]
/// file: file:[//[localhost]]/path
/// ```
/// Text without a recognised prefix is parsed as an svc FMRI, so a bare
/// `network/ssh` is an FMRI too.
public enum FMRI: Hashable, Sendable {
    case service(ServiceFMRIParts)
    case file(path: String)

    /// The longest FMRI libscf accepts (`SCF_LIMIT_MAX_FMRI_LENGTH`).
    public static let maxLength = 628

    /// The parts of an svc FMRI; absent parts are nil.
    public struct ServiceFMRIParts: Hashable, Sendable {
        public var scope: String?
        public var service: String?
        public var instance: String?
        public var propertyGroup: String?
        public var property: String?

        public init(scope: String? = nil, service: String?, instance: String? = nil,
                    propertyGroup: String? = nil, property: String? = nil) {
            self.scope = scope
            self.service = service
            self.instance = instance
            self.propertyGroup = propertyGroup
            self.property = property
        }

        /// Canonical `svc:/service[:instance]`, nil without a service.
        public var entityFMRI: String? {
            guard let service else { return nil }
            return instance.map { "svc:/\(service):\($0)" } ?? "svc:/\(service)"
        }
    }

    /// Why a string is not an FMRI, in libscf's words where it has some.
    public struct ParseError: Error, Hashable, Sendable, CustomStringConvertible {
        public var reason: String
        public var description: String { reason }
    }

    /// Parses `text`; the error names what is wrong.
    public static func parse(_ text: String) -> Result<FMRI, ParseError> {
        if text.utf8.count > maxLength {
            return .failure(ParseError(reason: "FMRI is longer than \(maxLength) bytes"))
        }
        if text.hasPrefix("file:") {
            return parseFile(String(text.dropFirst("file:".count)))
        }
        return parseService(text).map(FMRI.service)
    }

    /// Parses `text` as an svc FMRI (no `file:`), as `scf_parse_svc_fmri`.
    public static func parseService(_ text: String) -> Result<ServiceFMRIParts, ParseError> {
        var rest = Substring(text)
        if rest.hasPrefix("svc:") { rest = rest.dropFirst(4) }

        var scope: String?
        if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
            let slash = rest.firstIndex(of: "/") ?? rest.endIndex
            var scopeText = rest[rest.startIndex..<slash]
            rest = slash < rest.endIndex ? rest[rest.index(after: slash)...] : rest[slash...]
            if scopeText.hasSuffix("@localhost") { scopeText = scopeText.dropLast("@localhost".count) }
            if scopeText.isEmpty {
                scope = "localhost"
            } else if SMFName.isValid(String(scopeText), as: .ident) {
                scope = String(scopeText)
            } else {
                return .failure(ParseError(reason: "invalid scope \"\(scopeText)\""))
            }
        } else if rest.hasPrefix("/") {
            rest = rest.dropFirst()
        }

        // The instance separator is the first ':' before "/:properties/".
        let propertiesMarker = rest.firstRange(of: "/:properties/")
        var serviceText: Substring = rest
        var instanceText: Substring?
        var pgText: Substring?
        var propText: Substring?
        var tail: Substring?
        if let colon = rest.firstIndex(of: ":"), propertiesMarker.map({ colon < $0.lowerBound }) ?? true {
            serviceText = rest[rest.startIndex..<colon]
            let afterColon = rest[rest.index(after: colon)...]
            if let marker = afterColon.firstRange(of: "/:properties/") {
                instanceText = afterColon[afterColon.startIndex..<marker.lowerBound]
                tail = afterColon[marker.upperBound...]
            } else {
                instanceText = afterColon
            }
        } else if let marker = propertiesMarker {
            serviceText = rest[rest.startIndex..<marker.lowerBound]
            tail = rest[marker.upperBound...]
        }
        if let tail {
            if let slash = tail.firstIndex(of: "/") {
                pgText = tail[tail.startIndex..<slash]
                propText = tail[tail.index(after: slash)...]
            } else {
                pgText = tail
            }
        }

        // An absent service is accepted: "" and "svc:/" parse.
        var parts = ServiceFMRIParts(scope: scope, service: nil)
        if !serviceText.isEmpty || instanceText != nil || pgText != nil {
            guard SMFName.isValid(String(serviceText), as: .servicePath) else {
                return .failure(ParseError(reason: "invalid service name \"\(serviceText)\""))
            }
            parts.service = String(serviceText)
        }
        if let instanceText {
            guard SMFName.isValid(String(instanceText), as: .domain) else {
                return .failure(ParseError(reason: "invalid instance name \"\(instanceText)\""))
            }
            parts.instance = String(instanceText)
        }
        if let pgText {
            guard SMFName.isValid(String(pgText), as: .domain) else {
                return .failure(ParseError(reason: "invalid property group name \"\(pgText)\""))
            }
            parts.propertyGroup = String(pgText)
        }
        if let propText {
            guard SMFName.isValid(String(propText), as: .domain) else {
                return .failure(ParseError(reason: "invalid property name \"\(propText)\""))
            }
            parts.property = String(propText)
        }
        return .success(parts)
    }

    /// `file:[//[localhost]]/path` (the `file:` already removed).
    private static func parseFile(_ rest: String) -> Result<FMRI, ParseError> {
        var path = Substring(rest)
        if path.hasPrefix("//") {
            path = path.dropFirst(2)
            let slash = path.firstIndex(of: "/") ?? path.endIndex
            let host = path[path.startIndex..<slash]
            guard host.isEmpty || host == "localhost" else {
                return .failure(ParseError(reason: "file FMRI names a host other than localhost"))
            }
            path = path[slash...]
        }
        guard path.hasPrefix("/"), path.count > 1 else {
            return .failure(ParseError(reason: "file FMRI needs an absolute path"))
        }
        return .success(.file(path: String(path)))
    }

    /// Whether this names a service or an instance (not a pg or property),
    /// what a dependent or restarter target must be.
    public var namesServiceOrInstance: Bool {
        guard case .service(let parts) = self else { return false }
        return parts.service != nil && parts.propertyGroup == nil
    }
}
