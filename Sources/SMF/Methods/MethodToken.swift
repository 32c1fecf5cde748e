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
