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

    /// Parses `text`; the error names what is wrong. Like `scf_parse_fmri`,
    /// it sets no length limit: the 119-byte names are svc.configd's, and a
    /// value is cut to 4095 bytes before it is parsed (`valid_fmri`).
    public static func parse(_ text: String) -> Result<FMRI, ParseError> {
        if text.hasPrefix("file:") {
            return parseFile(String(text.dropFirst("file:".count)))
        }
        return parseService(text).map(FMRI.service)
    }

    /// Parses `text` as an svc FMRI (no `file:`), step by step as
    /// `lowlevel.c: scf_parse_svc_fmri` does:
    /// - after `svc:` and a `//scope` (ended by the next `/`, which is
    ///   skipped), whatever text is left is the service, once one more
    ///   leading `/` is dropped. So `svc:`, `svc://` and `svc:///` name no
    ///   service and parse, but in `svc:/` and `svc:////` the service is
    ///   the empty string, which `uu_check_name` refuses (`is_valid_ident`:
    ///   "name is empty");
    /// - the instance follows the first `:` before `/:properties/`; the
    ///   property group follows `/:properties/`, the property the next `/`.
    /// Each part that is present, even empty, must pass `uu_check_name`.
    public static func parseService(_ text: String) -> Result<ServiceFMRIParts, ParseError> {
        var rest = Substring(text)
        if rest.hasPrefix("svc:") { rest = rest.dropFirst(4) }

        var scope: String?
        if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
            let slash = rest.firstIndex(of: "/")
            var scopeText = rest[rest.startIndex..<(slash ?? rest.endIndex)]
            rest = slash.map { rest[rest.index(after: $0)...] } ?? rest[rest.endIndex...]
            // strstr finds the first "@localhost"; it is cut only at the end.
            if let suffix = scopeText.firstRange(of: "@localhost"), suffix.upperBound == scopeText.endIndex {
                scopeText = scopeText[scopeText.startIndex..<suffix.lowerBound]
            }
            if scopeText.isEmpty {
                scope = "localhost"
            } else if SMFName.isValid(String(scopeText), as: .ident) {
                scope = String(scopeText)
            } else {
                return .failure(ParseError(reason: "invalid scope \"\(scopeText)\""))
            }
        }

        var serviceText: Substring?
        if !rest.isEmpty {
            if rest.hasPrefix("/") { rest = rest.dropFirst() }
            serviceText = rest
        }

        // The instance separator is the first ':' before "/:properties/".
        var instanceText: Substring?
        var pgText: Substring?
        var propText: Substring?
        let propertiesMarker = rest.firstRange(of: "/:properties/")
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

        var parts = ServiceFMRIParts(scope: scope, service: nil)
        if let serviceText {
            guard SMFName.isValid(String(serviceText), as: .servicePath) else {
                return .failure(ParseError(reason: serviceText.isEmpty ? "empty service name"
                    : "invalid service name \"\(serviceText)\""))
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
