/// The SVR4 package abbreviation (pkginfo(5) `PKG`): at most 32 characters,
/// letters, digits, `-` and `+`, starting with a letter; `install`, `new`
/// and `all` are reserved. Tribblix names all start with `TRIB`.
public enum PackageName {
    public static let maximumLength = 32
    public static let reserved: Set<String> = ["install", "new", "all"]

    /// Why `name` is not a valid package abbreviation, or nil if it is.
    public static func problem(with name: String) -> String? {
        guard let first = name.first else { return "the package name is empty" }
        if name.count > maximumLength {
            return "package name '\(name)' has \(name.count) characters; SVR4 allows at most \(maximumLength)"
        }
        if !(first.isASCII && first.isLetter) {
            return "package name '\(name)' must start with a letter (not a digit, '+' or '-')"
        }
        if let bad = name.first(where: { !($0.isASCII && ($0.isLetter || $0.isNumber)) && $0 != "-" && $0 != "+" }) {
            return "package name '\(name)' contains '\(bad)'; only letters, digits, '-' and '+' are allowed"
        }
        if reserved.contains(name) {
            return "'\(name)' is reserved by pkgadd and cannot name a package"
        }
        return nil
    }
}

/// An overlay id is the stem of its `.ovl`/`.pkgs` file names and the value
/// of `REQUIRES=`: lower case letters, digits and `-` in every overlay
/// Tribblix has shipped (`postgres-utils`, `node-v22`).
public enum OverlayID {
    public static func problem(with id: String) -> String? {
        guard let first = id.first else { return "the overlay id is empty" }
        if !(first.isASCII && (first.isLowercase || first.isNumber)) {
            return "overlay id '\(id)' must start with a lower-case letter or digit"
        }
        if let bad = id.first(where: { !($0.isASCII && ($0.isLowercase || $0.isNumber)) && $0 != "-" }) {
            return "overlay id '\(id)' contains '\(bad)'; use lower-case letters, digits and '-'"
        }
        return nil
    }
}

/// An SMF FMRI as zap passes it to `svcadm enable -rs`: the overlay README
/// and every real overlay use the full form `svc:/service/name:instance`.
public enum ServiceFMRI {
    public static func problem(with fmri: String) -> String? {
        guard fmri.hasPrefix("svc:/") else {
            return "'\(fmri)' is not a full service FMRI; write it as svc:/<service>:<instance>, e.g. svc:/network/etcd:default"
        }
        let rest = fmri.dropFirst("svc:/".count)
        let parts = rest.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            return "'\(fmri)' names no instance; write it as svc:/<service>:<instance>, e.g. svc:/network/etcd:default"
        }
        let allowed: (Character) -> Bool = { $0.isASCII && ($0.isLetter || $0.isNumber || "-_,./".contains($0)) }
        if let bad = rest.first(where: { !allowed($0) && $0 != ":" }) {
            return "'\(fmri)' contains '\(bad)', which SMF does not allow in a service or instance name"
        }
        return nil
    }
}
