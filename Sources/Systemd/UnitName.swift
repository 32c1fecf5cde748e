/// A unit's name split as systemd splits it (systemd.unit(5), "%p", "%i"):
/// `prefix@instance.type`; a template has `@` and no instance.
public struct UnitName: Hashable, Sendable, CustomStringConvertible {
    public var prefix: String
    /// nil without `@`; "" for a template (`name@.service`).
    public var instance: String?
    /// `service`, `socket`, `target`, … (the suffix without its dot).
    public var type: String

    public init?(_ name: String) {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        type = String(name[name.index(after: dot)...])
        let stem = name[..<dot]
        if let at = stem.firstIndex(of: "@") {
            prefix = String(stem[..<at])
            instance = String(stem[stem.index(after: at)...])
        } else {
            prefix = String(stem)
            instance = nil
        }
        guard !prefix.isEmpty, !type.isEmpty else { return nil }
    }

    public var isTemplate: Bool { instance == "" }

    public var description: String {
        prefix + (instance.map { "@" + $0 } ?? "") + "." + type
    }

    /// The template this instance is made from, `prefix@.type`; nil when
    /// this is not an instance.
    public var templateName: String? {
        guard let instance, !instance.isEmpty else { return nil }
        return "\(prefix)@.\(type)"
    }

    /// systemd's unit-name unescaping (`unit_name_unescape`): `-` is `/`,
    /// `\xNN` a byte.
    public static func unescape(_ text: String) -> String {
        var bytes: [UInt8] = []
        let source = Array(text.utf8)
        var index = 0
        while index < source.count {
            let byte = source[index]
            if byte == UInt8(ascii: "-") {
                bytes.append(UInt8(ascii: "/"))
            } else if byte == UInt8(ascii: "\\"), index + 3 < source.count, source[index + 1] == UInt8(ascii: "x"),
                      let value = UInt8(String(decoding: source[(index + 2)...(index + 3)], as: UTF8.self), radix: 16) {
                bytes.append(value)
                index += 3
            } else {
                bytes.append(byte)
            }
            index += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
