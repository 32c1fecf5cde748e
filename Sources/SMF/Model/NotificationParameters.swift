import Diagnostics

/// `<notification_parameters>`: `(event, type+)`.
public struct NotificationParameters: Hashable, Sendable {
    /// The DTD allows one; svccfg reports more. Kept as a list to see them.
    public var events: [NotificationEvent]
    public var types: [NotificationType]
    public var location: SourceLocation?

    public init(events: [NotificationEvent], types: [NotificationType], location: SourceLocation? = nil) {
        self.events = events
        self.types = types
        self.location = location
    }
}

/// `<type name active>` inside notification parameters (a delivery mechanism
/// such as `smtp` or `snmp`).
public struct NotificationType: Hashable, Sendable {
    public var name: String
    public var active: String?
    public var parameters: [NotificationParameter]
    public var location: SourceLocation?

    public init(name: String, active: String? = nil, parameters: [NotificationParameter] = [],
                location: SourceLocation? = nil) {
        self.name = name
        self.active = active
        self.parameters = parameters
        self.location = location
    }
}

/// `<parameter name>` with value nodes, or `<paramval name value/>`.
public struct NotificationParameter: Hashable, Sendable {
    public var name: String
    public var values: [String]
    /// True for `<paramval>`, false for `<parameter>`.
    public var isParamval: Bool
    public var location: SourceLocation?

    public init(name: String, values: [String], isParamval: Bool, location: SourceLocation? = nil) {
        self.name = name
        self.values = values
        self.isParamval = isParamval
        self.location = location
    }
}

/// `<event value=…/>`: comma-separated transition or FMA event tokens.
public struct NotificationEvent: Hashable, Sendable {
    public var value: String
    public var location: SourceLocation?

    public init(_ value: String, location: SourceLocation? = nil) {
        self.value = value
        self.location = location
    }
}
