import Diagnostics

/// `<service_bundle>`: a manifest, a profile or an archive.
///
/// The model mirrors the DTD. Attribute values are kept as the text the file
/// holds (a profile may omit what a manifest requires, and a validator must
/// see an invalid value to report it); typed accessors read them.
public struct ServiceBundle: Hashable, Sendable {
    public var type: String
    public var name: String
    public var services: [Service]
    /// Nested `<service_bundle>` children (the DTD allows them instead of services).
    public var bundles: [ServiceBundle]
    /// `xi:include` children left in the document (profiles use them).
    public var includes: [XInclude]
    /// Comments written before the root element, in order (rendering only).
    public var leadingComments: [String]
    public var location: SourceLocation?

    public init(
        type: BundleType, name: String, services: [Service] = [],
        leadingComments: [String] = []
    ) {
        self.init(rawType: type.rawValue, name: name, services: services, leadingComments: leadingComments)
    }

    public init(
        rawType: String, name: String, services: [Service] = [], bundles: [ServiceBundle] = [],
        includes: [XInclude] = [], leadingComments: [String] = [], location: SourceLocation? = nil
    ) {
        self.type = rawType
        self.name = name
        self.services = services
        self.bundles = bundles
        self.includes = includes
        self.leadingComments = leadingComments
        self.location = location
    }

    public var bundleType: BundleType? { BundleType(rawValue: type) }
}

public enum BundleType: String, Hashable, Sendable, CaseIterable {
    case manifest, profile, archive
}

/// `<xi:include href=… parse=…>` as it stands in a document.
public struct XInclude: Hashable, Sendable {
    public var href: String
    public var parse: String?
    public var location: SourceLocation?

    public init(href: String, parse: String? = nil, location: SourceLocation? = nil) {
        self.href = href
        self.parse = parse
        self.location = location
    }
}
