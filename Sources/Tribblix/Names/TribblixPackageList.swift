/// The packages Tribblix ships and the overlays whose `.pkgs` list each,
/// as Scripts/refresh-tribblix-packages wrote them into
/// Data/tribblix-packages.txt (from the overlay repository, zap's list of
/// deprecated packages, and a catalog when one is given). A snapshot: a
/// package missing here may be new, or come from a site's own repository.
public enum TribblixPackageList {
    /// package → the overlays that list it (empty for one in no overlay).
    public static let packages: [String: [String]] = parse(EmbeddedFiles.files["Sources/Tribblix/Data/tribblix-packages.txt"] ?? "")

    /// Where the list comes from, for messages.
    public static let source = "the Tribblix package list smfkit carries (Scripts/refresh-tribblix-packages)"

    public static func ships(_ package: String) -> Bool {
        packages[package] != nil
    }

    /// The overlays whose package list holds `package`.
    public static func overlays(shipping package: String) -> [String] {
        packages[package] ?? []
    }

    static func parse(_ text: String) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let words = line.split(separator: " ").map(String.init)
            guard let name = words.first else { continue }
            result[name] = Array(words.dropFirst())
        }
        return result
    }
}
