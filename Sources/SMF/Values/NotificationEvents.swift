/// The `<event value=…>` token language of notification parameters
/// (`svc/common/notify_params.c`, `svccfg_libscf.c: check_tokens`, smf.md §4.2
/// item 23): comma-separated SMF transition tokens or FMA event classes.
public enum NotificationEvents {
    public enum Kind: Hashable, Sendable {
        case smf
        case fma
    }

    /// The SMF states a transition token may name (and `all`).
    public static let states = ["uninitialized", "maintenance", "offline", "disabled", "online", "degraded"]

    /// The FMA event aliases; classes starting `list.` or `ireport.` are FMA too.
    public static let fmaAliases = ["problem-diagnosed", "problem-updated", "problem-repaired", "problem-resolved"]

    /// The FMA class an alias stands for (`notify_params.c: de_tag`); any
    /// other token is its own class.
    public static func fmaClass(of token: Substring) -> String {
        let classes = ["problem-diagnosed": "list.suspect", "problem-updated": "list.updated",
                       "problem-repaired": "list.repaired", "problem-resolved": "list.resolved"]
        return classes[String(token)] ?? String(token)
    }

    /// The property group an FMA token's parameters are stored in
    /// (`lxml_get_notification_parameters`: `"%s,%s"`, `de_tag(token)`,
    /// `SCF_NOTIFY_PG_POSTFIX`).
    public static func fmaGroupName(of token: Substring) -> String {
        "\(fmaClass(of: token)),fmnotify"
    }

    /// What kind of token `token` is, nil if it is neither.
    public static func kind(of token: Substring) -> Kind? {
        var state = token
        if state.hasPrefix("to-") { state = state.dropFirst(3) } else if state.hasPrefix("from-") {
            state = state.dropFirst(5)
        }
        if state == "all" || states.contains(String(state)) { return .smf }
        if fmaAliases.contains(String(token)) { return .fma }
        // `is_fma_token` compares the class prefix only (`strncmp`), so a
        // bare `list.` or `ireport.` is an FMA token too.
        if token.hasPrefix("list.") || token.hasPrefix("ireport.") { return .fma }
        return nil
    }

    /// The tokens svccfg sees: `svccfg_libscf.c: tokenize` splits with
    /// `strtok_r(str, ",", &lasts)`, which skips empty fields, so
    /// `to-online,,to-offline,` is two tokens and `,` none (and `check_tokens`
    /// finds no token valid: `INVALID_TOKENS`, "Invalid input.").
    public static func tokens(of value: String) -> [Substring] {
        value.split(separator: ",", omittingEmptySubsequences: true)
    }

    /// The property groups svccfg stores the parameters in: one per SMF
    /// transition (`to-online`, `from-online`; a bare state or `all` means
    /// both directions), `<class>,fmnotify` for FMA classes.
    static func groupNames(for parameters: NotificationParameters) -> [String] {
        var names: [String] = []
        var seen: Set<String> = []
        func add(_ name: String) {
            if seen.insert(name).inserted { names.append(name) }
        }
        for event in parameters.events {
            for token in tokens(of: event.value) {
                switch kind(of: token) {
                case .smf:
                    let directions: [String] = token.hasPrefix("to-") ? ["to-"] : token.hasPrefix("from-") ? ["from-"]
                        : ["to-", "from-"]
                    let state = directions.count == 2 ? String(token) : String(token.dropFirst(directions[0].count))
                    for direction in directions {
                        for each in state == "all" ? states : [state] { add(direction + each) }
                    }
                case .fma:
                    add(fmaGroupName(of: token))
                case nil:
                    continue
                }
            }
        }
        return names
    }
}
