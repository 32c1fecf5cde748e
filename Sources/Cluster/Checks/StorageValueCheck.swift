import Diagnostics

/// `cluster.storage.value`: the storage section's values are ones `zfs
/// create` and deploy.sh accept. A dataset is `pool/path` (not a bare pool,
/// which `zfs create` refuses, and no leading `/`: ZFS names have none, as
/// zap create-zone's `-D` also insists, reference/tribblix-host.md §1.4),
/// of the characters ZFS allows in names; `attach` is lofs or delegate;
/// `recordsize` a power of two from 512 to 1M; `logbias` latency or
/// throughput; `compression` an algorithm illumos ZFS knows. Without a
/// dataset the other storage keys change nothing: a warning, so a user who
/// forgot `dataset` is not left believing the data is on a tuned dataset.
struct StorageValueCheck: DefinitionCheck {
    let rule = "cluster.storage.value"

    static let attachments = ["lofs", "delegate"]
    static let logBiases = ["latency", "throughput"]
    static let compressions = ["lz4", "on", "off", "lzjb", "zle", "gzip"] + (1...9).map { "gzip-\($0)" }

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        let settings = loaded.definition.settings
        var found: [Diagnostic] = []
        func report(_ path: String, _ message: String) {
            found.append(error(message, at: loaded.sourceMap.location(of: path)))
        }
        if let dataset = loaded.definition.storage.dataset, UnsafeCharacters.first(in: dataset) == nil, let problem = Self.problem(withDataset: dataset) {
            report("storage.dataset", "storage.dataset '\(dataset)' \(problem)")
        }
        for (path, allowed) in [("storage.attach", Self.attachments), ("storage.logbias", Self.logBiases),
                                ("storage.compression", Self.compressions)] {
            guard case .string(let value) = settings[path], !allowed.contains(value) else { continue }
            var message = "\(path) is '\(value)'; it is one of \(allowed.joined(separator: ", "))"
            if let near = DidYouMean.closest(to: value, among: allowed) { message += " (did you mean '\(near)'?)" }
            report(path, message)
        }
        if loaded.definition.storage.dataset == nil {
            for key in DefinitionKeys.keys(in: "storage") where key != "dataset" {
                guard let location = loaded.sourceMap.keys["storage.\(key)"] else { continue }
                found.append(warning("storage.\(key) changes nothing without storage.dataset, and PostgreSQL's data "
                    + "stays in each zone's root file system; add dataset (pool/path) or remove it", at: location))
            }
        }
        if case .string(let size) = settings["storage.recordsize"], Self.bytes(ofRecordSize: size) == nil {
            report("storage.recordsize", "storage.recordsize is '\(size)'; write a power of two from 512 to 1M, "
                + "in bytes or with k or M (8k, 32k, 128k)")
        }
        return found
    }

    /// What is wrong with a dataset name, or nil.
    static func problem(withDataset name: String) -> String? {
        if name.hasPrefix("/") { return "starts with '/'; write the dataset's name (tank/pgha), not a mount point" }
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count < 2 { return "is a bare pool; name a dataset inside it (\(name)/pgha)" }
        if parts.contains(where: \.isEmpty) { return "has an empty component ('//' or a trailing '/')" }
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.:")
        if let bad = parts.joined().first(where: { !allowed.contains($0) }) {
            return "holds '\(bad)'; ZFS names are letters, digits and _ - . :"
        }
        return nil
    }

    /// `32k` → 32768; nil unless a power of two from 512 to 1M.
    static func bytes(ofRecordSize text: String) -> Int? {
        var digits = Substring(text)
        var scale = 1
        switch text.last {
        case "k", "K": scale = 1024; digits = digits.dropLast()
        case "m", "M": scale = 1024 * 1024; digits = digits.dropLast()
        default: break
        }
        guard digits.count <= 7, let number = Int(digits) else { return nil }
        let bytes = number * scale
        guard bytes >= 512, bytes <= 1024 * 1024, bytes & (bytes - 1) == 0 else { return nil }
        return bytes
    }
}
