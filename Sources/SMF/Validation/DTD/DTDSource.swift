import Foundation

/// The text of the SMF DTD to validate against, and where it came from.
///
/// Chosen in this order (DESIGN.md, "The DTD"): `--dtd PATH`; the system's
/// `/usr/share/lib/xml/dtd/service_bundle.dtd.1` where it exists (illumos);
/// otherwise the project's own DTD embedded in the binary. The DOCTYPE's
/// SYSTEM id only ever selects this text; nothing is opened because a
/// document names it.
public struct DTDSource: Hashable, Sendable {
    public enum Origin: Hashable, Sendable {
        case file(String)
        case system
        case embedded
    }

    public var text: String
    public var origin: Origin

    public init(text: String, origin: Origin) {
        self.text = text
        self.origin = origin
    }

    /// smfkit's own DTD (Sources/SMF/DTD/service_bundle.dtd).
    public static var embedded: DTDSource {
        DTDSource(text: EmbeddedFiles.files["Sources/SMF/DTD/service_bundle.dtd"] ?? "", origin: .embedded)
    }

    public enum LoadError: Error, Hashable, Sendable, CustomStringConvertible {
        case unreadable(path: String, reason: String)

        public var description: String {
            switch self {
            case .unreadable(let path, let reason): "cannot read DTD \(path): \(reason)"
            }
        }
    }

    /// Reads a DTD file the user named.
    public static func file(_ path: String) throws(LoadError) -> DTDSource {
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            guard let text = String(data: data, encoding: .utf8) else {
                throw LoadError.unreadable(path: path, reason: "not UTF-8 text")
            }
            return DTDSource(text: text, origin: .file(path))
        } catch let error as LoadError {
            throw error
        } catch {
            throw LoadError.unreadable(path: path, reason: error.localizedDescription)
        }
    }

    /// `--dtd PATH` if given, else the system DTD if this host has one, else
    /// the embedded DTD.
    public static func choose(override path: String?, systemPath: String = SMF.dtdSystemID) throws(LoadError)
        -> DTDSource
    {
        if let path { return try file(path) }
        if FileManager.default.isReadableFile(atPath: systemPath), let system = try? file(systemPath) {
            return DTDSource(text: system.text, origin: .system)
        }
        return embedded
    }

    /// A short name for messages: the path, or "embedded DTD".
    public var displayName: String {
        switch origin {
        case .file(let path): path
        case .system: SMF.dtdSystemID
        case .embedded: "smfkit's embedded DTD"
        }
    }
}

/// Which of the DTD's conditional sections are in force.
///
/// The SMF DTD declares `<!ENTITY % profile "IGNORE">` and
/// `<!ENTITY % manifest "INCLUDE">`; the profile variant (`type` implied on
/// `property`, `propval` and `property_group`) is selected by declaring the
/// two parameter entities first, since the first declaration of an entity
/// wins (XML 1.0 §4.2).
public enum DTDVariant: String, Hashable, Sendable, CaseIterable {
    case manifest
    case profile

    /// The variant for a bundle of this `type` attribute.
    public init(bundleType: String?) {
        self = bundleType == BundleType.profile.rawValue ? .profile : .manifest
    }

    /// `text` with this variant's conditional sections switched on. The
    /// declarations go after the text declaration (`<?xml …?>`), which must
    /// stay first.
    public func apply(to text: String) -> String {
        switch self {
        case .manifest:
            return text
        case .profile:
            if text.hasPrefix("<?xml"), let end = text.range(of: "?>") {
                return String(text[..<end.upperBound]) + "\n" + Self.profileSwitch + String(text[end.upperBound...])
            }
            return Self.profileSwitch + text
        }
    }

    static let profileSwitch = "<!ENTITY % profile \"INCLUDE\">\n<!ENTITY % manifest \"IGNORE\">\n"
}
