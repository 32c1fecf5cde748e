import Diagnostics

/// Who, where and with what environment a method runs, read from an
/// instance's composed view the way librestart does
/// (`restarter_get_method_context`): each context property is looked up in
/// the method's own group first, then in `method_context`.
public struct MethodContextResolution: Sendable {
    public let composed: [PropertyGroupView]
    public let method: String

    public init(composed: [PropertyGroupView], method: String) {
        self.composed = composed
        self.method = method
    }

    public func property(_ name: String) -> ComposedProperty? {
        composed[group: method]?[property: name] ?? composed[group: "method_context"]?[property: name]
    }

    public func value(_ name: String) -> String? {
        property(name)?.textValues.first
    }

    public struct Credentials: Sendable {
        public var user: String
        public var group: String
        public var workingDirectory: String

        public init(user: String, group: String, workingDirectory: String) {
            self.user = user
            self.group = group
            self.workingDirectory = workingDirectory
        }
    }

    public enum Failure: Error {
        case unknownUser(String, SourceLocation?)
        case unknownGroup(String, SourceLocation?)
    }

    /// No `user` means the restarter's own credentials (root). A `group` that
    /// is absent or `:default` is the user's primary group; a working
    /// directory that is absent, `:default` or `:home` is the user's home.
    /// The passwd and group databases are consulted only for those: a plan
    /// whose context names everything explicitly can be made on any host,
    /// with names shown as written.
    public func credentials() throws(Failure) -> Credentials {
        let userText = value("user") ?? "root"
        let account = Accounts.user(userText)
        func requireAccount() throws(Failure) -> Account {
            guard let account else { throw .unknownUser(userText, property("user")?.location) }
            return account
        }
        let group: String
        if let groupText = value("group"), groupText != ":default" {
            if let name = Accounts.groupName(groupText) {
                group = name
            } else if groupText.allSatisfy(\.isNumber) {
                throw .unknownGroup(groupText, property("group")?.location)
            } else {
                group = groupText
            }
        } else {
            let gid = try requireAccount().gid
            guard let name = Accounts.groupName(id: gid) else {
                throw .unknownGroup(String(gid), property("user")?.location)
            }
            group = name
        }
        var directory = value("working_directory") ?? ":default"
        if directory == ":default" || directory == ":home" { directory = try requireAccount().home }
        if account == nil, userText.allSatisfy(\.isNumber) {
            throw .unknownUser(userText, property("user")?.location)
        }
        return Credentials(user: account?.name ?? userText, group: group, workingDirectory: directory)
    }

    /// `method_environment` entries, then the variables svc.startd always
    /// sets (`startd/env.c: set_smf_env`). Malformed entries and entries that
    /// try to set an `SMF_` variable are dropped, as svc.startd drops them; a
    /// repeated name keeps the last value.
    public func environment(fmri: String, zoneName: String) -> [String: String] {
        var environment: [String: String] = [:]
        for entry in property("environment")?.textValues ?? [] {
            guard let equals = entry.firstIndex(of: "="), equals != entry.startIndex else { continue }
            let name = String(entry[..<equals])
            if name.hasPrefix("SMF_") { continue }
            environment[name] = String(entry[entry.index(after: equals)...])
        }
        environment["SMF_FMRI"] = fmri
        environment["SMF_METHOD"] = method
        environment["SMF_RESTARTER"] = "svc:/system/svc/restarter:default"
        environment["SMF_ZONENAME"] = zoneName
        return environment
    }
}
