import SMF
import Systemd

/// The SMF service a unit becomes: `category/name`, where the name is the
/// unit's prefix made into an SMF name (`[A-Za-z][A-Za-z0-9_-]*`).
public struct ServiceIdentity: Hashable, Sendable {
    public var serviceName: String

    public init(serviceName: String) {
        self.serviceName = serviceName
    }

    public init(unit: UnitName, options: ConversionOptions) {
        serviceName = "\(options.category)/\(Self.smfComponent(unit.prefix))"
    }

    public var fmri: String { "svc:/\(serviceName)" }

    /// The last component, for file names (`etcd` of `application/etcd`).
    public var baseName: String { String(serviceName.split(separator: "/").last ?? Substring(serviceName)) }

    /// `text` with every character an SMF name refuses replaced by `-`, and
    /// an `x` in front when it does not start with a letter.
    static func smfComponent(_ text: String) -> String {
        let mapped = String(text.map { character -> Character in
            character.isASCII && (character.isLetter || character.isNumber || character == "_" || character == "-")
                ? character : "-"
        })
        guard let first = mapped.first, first.isASCII, first.isLetter else { return "x" + mapped }
        return mapped
    }
}
