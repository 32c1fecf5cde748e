import Diagnostics

/// `<property_group>`.
public struct PropertyGroup: Hashable, Sendable {
    public var name: String
    /// Required in manifests, may be omitted in profiles.
    public var type: String?
    public var delete: String?
    public var stability: Stability?
    public var properties: [Property]
    public var location: SourceLocation?

    public init(
        name: String, type: String?, delete: String? = nil, stability: Stability? = nil,
        properties: [Property] = [], location: SourceLocation? = nil
    ) {
        self.name = name
        self.type = type
        self.delete = delete
        self.stability = stability
        self.properties = properties
        self.location = location
    }
}

/// `<propval>` (one value) or `<property>` (a typed list of values).
public struct Property: Hashable, Sendable {
    public enum Form: Hashable, Sendable {
        /// `<propval name type value/>`.
        case propval
        /// `<property name type>` with an optional `<T_list>` child; the
        /// element name of that child is kept so a type mismatch can be seen.
        case list(element: String?)
    }

    public var name: String
    /// The `type` attribute as written; nil when absent (profiles).
    public var type: String?
    public var values: [PropertyValue]
    public var form: Form
    public var override: String?
    public var location: SourceLocation?

    /// A single-valued `<propval>`.
    public init(_ name: String, _ type: SMFType, _ value: String) {
        self.init(name: name, rawType: type.rawValue, values: [PropertyValue(value)], form: .propval)
    }

    /// A `<property>` holding a `<T_list>` of values.
    public init(_ name: String, _ type: SMFType, list values: [String]) {
        self.init(name: name, rawType: type.rawValue, values: values.map { PropertyValue($0) },
                  form: .list(element: type.listElementName))
    }

    public init(
        name: String, rawType: String?, values: [PropertyValue], form: Form, override: String? = nil,
        location: SourceLocation? = nil
    ) {
        self.name = name
        self.type = rawType
        self.values = values
        self.form = form
        self.override = override
        self.location = location
    }

    public var smfType: SMFType? { type.flatMap(SMFType.init(rawValue:)) }
}

/// One value of a property, with where it was written.
public struct PropertyValue: Hashable, Sendable {
    public var text: String
    public var location: SourceLocation?

    public init(_ text: String, location: SourceLocation? = nil) {
        self.text = text
        self.location = location
    }
}
