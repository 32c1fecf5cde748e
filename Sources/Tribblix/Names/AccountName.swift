/// A user or group name as passwd(5)/group(5) and the account tools accept
/// it: a lower-case letter first, then lower-case letters, digits, `.`,
/// `_`, `-`; at most 32 characters (Tribblix has 9-character `zookeeper`).
public enum AccountName {
    public static func problem(with name: String) -> String? {
        guard let first = name.first else { return "the account name is empty" }
        if name.count > 32 { return "account name '\(name)' is longer than 32 characters" }
        if !(first.isASCII && first.isLowercase) { return "account name '\(name)' must start with a lower-case letter" }
        if let bad = name.first(where: { !($0.isASCII && ($0.isLowercase || $0.isNumber)) && !"._-".contains($0) }) {
            return "account name '\(name)' contains '\(bad)'; use lower-case letters, digits, '.', '_' and '-'"
        }
        return nil
    }

    /// uids and gids: decimal, at most illumos' MAXUID.
    public static func idProblem(with text: String, what: String) -> String? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(text), value <= 2_147_483_647 else {
            return "\(what) '\(text)' is not a decimal number"
        }
        return nil
    }
}
