import Diagnostics

/// `<template>`: documentation and the pg/prop patterns `svccfg describe`
/// and template validation use.
public struct Template: Hashable, Sendable {
    public var commonName: [LocalizedText]
    public var description: [LocalizedText]?
    public var documentation: [DocumentationItem]?
    public var pgPatterns: [PGPattern]
    public var location: SourceLocation?

    public init(
        commonName: [LocalizedText], description: [LocalizedText]? = nil,
        documentation: [DocumentationItem]? = nil, pgPatterns: [PGPattern] = [], location: SourceLocation? = nil
    ) {
        self.commonName = commonName
        self.description = description
        self.documentation = documentation
        self.pgPatterns = pgPatterns
        self.location = location
    }
}

/// `<loctext xml:lang=…>text</loctext>`.
public struct LocalizedText: Hashable, Sendable {
    public var lang: String
    public var text: String
    public var location: SourceLocation?

    public init(_ text: String, lang: String = "C", location: SourceLocation? = nil) {
        self.lang = lang
        self.text = text
        self.location = location
    }
}

/// `<doc_link>` or `<manpage>` inside `<documentation>`.
public enum DocumentationItem: Hashable, Sendable {
    case link(name: String, uri: String, location: SourceLocation?)
    case manpage(title: String, section: String, manpath: String?, location: SourceLocation?)
}

/// `<pg_pattern>`. Attributes the DTD defaults (`name`, `type`, `required`,
/// `target`) are nil when neither the file nor the DTD supplied them.
public struct PGPattern: Hashable, Sendable {
    public var name: String?
    public var type: String?
    public var required: String?
    public var target: String?
    public var commonName: [LocalizedText]?
    public var description: [LocalizedText]?
    public var propPatterns: [PropPattern]
    public var location: SourceLocation?

    public init(
        name: String?, type: String?, required: String? = nil, target: String? = nil,
        commonName: [LocalizedText]? = nil, description: [LocalizedText]? = nil,
        propPatterns: [PropPattern] = [], location: SourceLocation? = nil
    ) {
        self.name = name
        self.type = type
        self.required = required
        self.target = target
        self.commonName = commonName
        self.description = description
        self.propPatterns = propPatterns
        self.location = location
    }
}

/// `<prop_pattern>`.
public struct PropPattern: Hashable, Sendable {
    public var name: String
    public var type: String?
    public var required: String?
    public var commonName: [LocalizedText]?
    public var description: [LocalizedText]?
    public var units: [LocalizedText]?
    public var visibility: String?
    public var cardinality: Cardinality?
    public var internalSeparators: String?
    public var values: [TemplateValue]?
    public var constraints: ValueSet?
    public var choices: ValueSet?
    public var location: SourceLocation?

    public init(
        name: String, type: String?, required: String? = nil, commonName: [LocalizedText]? = nil,
        description: [LocalizedText]? = nil, units: [LocalizedText]? = nil, visibility: String? = nil,
        cardinality: Cardinality? = nil, internalSeparators: String? = nil, values: [TemplateValue]? = nil,
        constraints: ValueSet? = nil, choices: ValueSet? = nil, location: SourceLocation? = nil
    ) {
        self.name = name
        self.type = type
        self.required = required
        self.commonName = commonName
        self.description = description
        self.units = units
        self.visibility = visibility
        self.cardinality = cardinality
        self.internalSeparators = internalSeparators
        self.values = values
        self.constraints = constraints
        self.choices = choices
        self.location = location
    }
}

/// `<cardinality min max/>`, as written (the DTD defaults fill both in).
public struct Cardinality: Hashable, Sendable {
    public var min: String?
    public var max: String?
    public var location: SourceLocation?

    public init(min: String?, max: String?, location: SourceLocation? = nil) {
        self.min = min
        self.max = max
        self.location = location
    }
}

/// `<value name>` with optional common name and description.
public struct TemplateValue: Hashable, Sendable {
    public var name: String
    public var commonName: [LocalizedText]?
    public var description: [LocalizedText]?
    public var location: SourceLocation?

    public init(name: String, commonName: [LocalizedText]? = nil, description: [LocalizedText]? = nil,
                location: SourceLocation? = nil) {
        self.name = name
        self.commonName = commonName
        self.description = description
        self.location = location
    }
}

/// `<range min max/>`, as written (svccfg parses them with base 0).
public struct ValueRange: Hashable, Sendable {
    public var min: String?
    public var max: String?
    public var location: SourceLocation?

    public init(min: String?, max: String?, location: SourceLocation? = nil) {
        self.min = min
        self.max = max
        self.location = location
    }
}

/// The body of `<constraints>` or `<choices>`.
public struct ValueSet: Hashable, Sendable {
    public var values: [TemplateValue]
    public var ranges: [ValueRange]
    /// `include_values type=…` (choices only): `constraints` | `values`.
    public var includeValues: [String]
    public var location: SourceLocation?

    public init(values: [TemplateValue] = [], ranges: [ValueRange] = [], includeValues: [String] = [],
                location: SourceLocation? = nil) {
        self.values = values
        self.ranges = ranges
        self.includeValues = includeValues
        self.location = location
    }
}
