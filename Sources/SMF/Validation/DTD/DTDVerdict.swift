import Diagnostics

/// What the DTD says about one document, on its own: libxml2's validity
/// errors against the chosen DTD, in the variant the bundle's type selects.
///
/// For a manifest this is part of the final verdict. For a profile it is
/// informational: `svccfg apply` never runs a whole profile through the DTD
/// (smf.md §4.1), so the validator reports it separately (see `Validator`).
public struct DTDVerdict: Hashable, Sendable {
    public var variant: DTDVariant
    /// Rule `smf.dtd`, severity error, one per libxml2 validity error.
    public var errors: [Diagnostic]

    public var isValid: Bool { errors.isEmpty }

    public init(variant: DTDVariant, errors: [Diagnostic]) {
        self.variant = variant
        self.errors = errors
    }
}
