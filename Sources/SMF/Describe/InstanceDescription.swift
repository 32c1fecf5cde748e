/// An instance's composed properties with what its templates say of each —
/// the content of `svccfg describe -v` on a live system, read here from the
/// manifests and profiles alone.
public struct InstanceDescription: Hashable, Sendable, Encodable {
    public var fmri: String
    public var groups: [GroupDescription]
}

public struct GroupDescription: Hashable, Sendable, Encodable {
    public var name: String
    public var type: String?
    /// From the matching `pg_pattern`, if a template has one.
    public var commonName: String?
    public var description: String?
    public var required: Bool?
    public var properties: [PropertyDescription]
}

public struct PropertyDescription: Hashable, Sendable, Encodable {
    public var name: String
    public var type: String?
    public var values: [String]
    /// From the matching `prop_pattern`, if a template has one.
    public var commonName: String?
    public var description: String?
    public var units: String?
    public var required: Bool?
    public var visibility: String?
    /// `min..max` values the pattern allows (`cardinality`).
    public var cardinality: String?
    /// The allowed values and ranges (`constraints`), e.g. `values: a, b`, `range: 1-65535`.
    public var constraints: [String]
}
