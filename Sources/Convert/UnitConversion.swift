import Diagnostics
import SMF
import Systemd
import Output

/// A unit as an SMF service: the map stage's output.
public struct ConvertedUnit: Sendable {
    public var unit: SystemdUnit
    public var identity: ServiceIdentity
    public var bundle: ServiceBundle
    /// The method script, when an `exec` attribute could not hold a method.
    public var methodScript: GeneratedFile?
    /// Every directive (or value) that did not carry over, located.
    public var warnings: [Diagnostic]
}

public enum UnitConversion: Sendable {
    case converted(ConvertedUnit)
    /// The unit cannot be represented; the errors say where and why.
    case refused(unit: String, [Diagnostic])
}

/// Collects the located warnings of one conversion.
struct Findings {
    var diagnostics: [Diagnostic] = []

    mutating func unmapped(_ assignment: UnitAssignment, _ advice: String) {
        diagnostics.append(.warning("\(assignment.key)=\(assignment.value): \(advice)",
                                    rule: ConvertRuleID.unmapped, at: assignment.location))
    }

    mutating func warn(_ message: String, rule: String = ConvertRuleID.unmapped, at location: SourceLocation) {
        diagnostics.append(.warning(message, rule: rule, at: location))
    }
}

/// Why a unit cannot be converted, located.
struct Refusal: Error {
    var diagnostic: Diagnostic

    init(_ message: String, at location: SourceLocation) {
        diagnostic = .error(message, rule: ConvertRuleID.refused, at: location)
    }
}
