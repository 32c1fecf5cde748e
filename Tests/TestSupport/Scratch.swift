import Foundation

/// Files tests write for smfkit to read: each in a directory of its own
/// under the system's temporary directory, so parallel tests never meet.
public enum Scratch {
    /// A new, empty directory; `label` helps find it when a test fails.
    public static func directory(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appending(path: "smfkit-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// `text` as file `name` in a new directory; returns the file's path.
    public static func file(_ text: String, named name: String = "test.xml") throws -> String {
        let url = try directory("file").appending(path: name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// A service_bundle document with the illumos DOCTYPE around `body`.
    public static func bundle(_ body: String, type: String = "manifest", name: String = "t") -> String {
        """
        <?xml version="1.0"?>
        <!DOCTYPE service_bundle SYSTEM "/usr/share/lib/xml/dtd/service_bundle.dtd.1">
        <service_bundle type='\(type)' name='\(name)'>
        \(body)
        </service_bundle>

        """
    }
}
