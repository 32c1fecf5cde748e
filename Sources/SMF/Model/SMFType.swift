/// The fourteen property types of the SMF repository (smf.md §2).
public enum SMFType: String, CaseIterable, Hashable, Sendable, Codable {
    case boolean, count, integer, time
    case astring, ustring, opaque
    case host, hostname
    case netAddress = "net_address"
    case netAddressV4 = "net_address_v4"
    case netAddressV6 = "net_address_v6"
    case uri, fmri

    /// The element that holds a `property`'s values: `count_list`, …
    public var listElementName: String { rawValue + "_list" }

    /// The type this one refines (`scf_proto_underlying_type`); nil for roots.
    public var parent: SMFType? {
        switch self {
        case .boolean, .count, .integer, .time, .opaque, .astring: nil
        case .ustring: .astring
        case .uri, .host: .ustring
        case .fmri: .uri
        case .hostname, .netAddress: .host
        case .netAddressV4, .netAddressV6: .netAddress
        }
    }

    /// Whether a property of type `actual` satisfies a template that asks for
    /// `self` (`scf_is_compatible_type`): the same type or a descendant.
    public func accepts(_ actual: SMFType) -> Bool {
        var candidate: SMFType? = actual
        while let type = candidate {
            if type == self { return true }
            candidate = type.parent
        }
        return false
    }

    public init?(listElementName: String) {
        guard listElementName.hasSuffix("_list") else { return nil }
        self.init(rawValue: String(listElementName.dropLast("_list".count)))
    }
}
