/// Method-token expansion as svc.startd does it before it runs a method
/// (`startd/expand.c: expand_method_tokens`, smf.md §6). The grammar comes
/// from `MethodTokens.tokenize`; this file gives each token its value.
///
/// ```swift
/// let context = MethodExpansionContext(serviceName: "network/etcd", instanceName: "node1",
///                                      methodName: "start", composed: view)
/// let command = try expandMethodTokens("exec %{config/etcd} --name %i", for: context)
/// ```

/// What a method's tokens are expanded against: the instance, the method,
/// and the instance's composed property groups.
public struct MethodExpansionContext {
    /// `%s`: the service name without `svc:/` (`network/etcd`).
    public var serviceName: String
    /// `%i`.
    public var instanceName: String
    /// `%m`: `start`, `stop` or `refresh`.
    public var methodName: String
    /// The instance's composed view (instance groups over service groups),
    /// where `%{name}` and `%{pg/name}` are looked up.
    public var composed: [PropertyGroupView]
    /// Answers `%{svc:/service[:instance]/:properties/pg/prop}` for any entity:
    /// the property's values, or nil when it does not exist. Without a
    /// resolver every such token is "not found".
    public var resolveFMRI: ((FMRI.ServiceFMRIParts) -> [String]?)?

    public init(
        serviceName: String, instanceName: String, methodName: String, composed: [PropertyGroupView],
        resolveFMRI: ((FMRI.ServiceFMRIParts) -> [String]?)? = nil
    ) {
        self.serviceName = serviceName
        self.instanceName = instanceName
        self.methodName = methodName
        self.composed = composed
        self.resolveFMRI = resolveFMRI
    }

    /// `%f`: the instance's FMRI.
    public var instanceFMRI: String { "svc:/\(serviceName):\(instanceName)" }
}

/// Why an `exec` string cannot be expanded. `description` is svc.startd's
/// own wording, which it logs as `Could not expand method tokens in "…": …`.
public enum TokenExpansionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// `%` followed by a character that is not a token.
    case unknownToken(Character)
    /// `%{` without `}`, or a property FMRI without service, group or property.
    case parseError
    /// The property (or its group, or its entity) does not exist; the spec as
    /// written, without a trailing `,` or `:`.
    case propertyNotFound(spec: String)
    /// A `%{…:properties…}` spec that is not an FMRI at all.
    case invalidFMRI(spec: String, reason: String)

    public var description: String {
        switch self {
        case .unknownToken: "unknown method token"
        case .parseError: "parse error"
        case .propertyNotFound(let spec): "property \"\(spec)\" not found"
        case .invalidFMRI(let spec, let reason): "invalid property FMRI \"\(spec)\": \(reason)"
        }
    }
}

/// The command svc.startd would hand to `/bin/sh -c` for `exec`.
///
/// Errors come in the order svc.startd meets them, left to right: a missing
/// property before an unknown token later in the string is reported first.
public func expandMethodTokens(_ exec: String, for context: MethodExpansionContext) throws(TokenExpansionError)
    -> String
{
    switch MethodTokens.tokenize(exec) {
    case .success(let tokens):
        return try expand(tokens, context)
    case .failure(let failure):
        // Everything before the bad `%` is expanded first, as startd would.
        let offset: Int
        let error: TokenExpansionError
        switch failure {
        case .unknownToken(let character, let at):
            (offset, error) = (at, .unknownToken(character))
        case .unterminatedProperty(let at):
            (offset, error) = (at, .parseError)
        }
        if case .success(let prefix) = MethodTokens.tokenize(String(exec.prefix(offset))) {
            _ = try expand(prefix, context)
        }
        throw error
    }
}

private func expand(_ tokens: [MethodToken], _ context: MethodExpansionContext) throws(TokenExpansionError)
    -> String
{
    var result = ""
    for token in tokens {
        switch token {
        case .literal(let text): result += text
        case .restarterName: result += "svc.startd"
        case .methodName: result += context.methodName
        case .serviceName: result += context.serviceName
        case .instanceName: result += context.instanceName
        case .instanceFMRI: result += context.instanceFMRI
        case .property(let reference):
            let values = try propertyValues(reference.spec, context)
            result += values.map(shellEscaped).joined(separator: String(reference.separator))
        }
    }
    return result
}

/// The values `spec` names (`get_prop_val_str`): a full property FMRI when it
/// contains `:properties`, else `pg/prop` split at the first `/`, else a
/// property of the `application` group.
private func propertyValues(_ spec: String, _ context: MethodExpansionContext) throws(TokenExpansionError)
    -> [String]
{
    if spec.contains(":properties") {
        let parts: FMRI.ServiceFMRIParts
        switch FMRI.parseService(spec) {
        case .success(let parsed): parts = parsed
        case .failure(let failure): throw .invalidFMRI(spec: spec, reason: failure.reason)
        }
        guard parts.service != nil, parts.propertyGroup != nil, parts.property != nil else { throw .parseError }
        guard let values = context.resolveFMRI?(parts) else { throw .propertyNotFound(spec: spec) }
        return values
    }
    let group: String
    let name: String
    if let slash = spec.firstIndex(of: "/") {
        group = String(spec[..<slash])
        name = String(spec[spec.index(after: slash)...])
    } else {
        group = "application"
        name = spec
    }
    guard let property = context.composed[group: group]?[property: name] else {
        throw .propertyNotFound(spec: spec)
    }
    return property.textValues
}

/// The Bourne shell metacharacters svc.startd escapes in property values
/// (`quote_for_shell`); the man page's list lacks the backquote, the code's has it.
/// Compared per Unicode scalar, as the C code compares bytes (a `\r\n` pair
/// is one Swift `Character` but its `\n` is still escaped).
let shellMetacharacters: Set<Unicode.Scalar> = [";", "&", "(", ")", "|", "^", "<", ">", "\n", " ", "\t", "\\", "\"", "'", "`"]

/// `value` with a backslash before each shell metacharacter.
public func shellEscaped(_ value: String) -> String {
    var escaped = String.UnicodeScalarView()
    for scalar in value.unicodeScalars {
        if shellMetacharacters.contains(scalar) { escaped.append("\\") }
        escaped.append(scalar)
    }
    return String(escaped)
}
