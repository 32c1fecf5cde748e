/// A service user as a `passwd` line (`haproxy:x:126:126:haproxy:/opt/tribblix/haproxy:`);
/// Tribblix gives the user a group with the same number (`User.txt`).
public struct ServiceUser: Hashable, Sendable {
    public var name: String
    public var uid: Int
    public var gid: Int
    public var comment: String
    public var home: String
    /// Empty means the system default shell, as in most Tribblix passwd files.
    public var shell: String

    public init(name: String, uid: Int, gid: Int? = nil, comment: String, home: String, shell: String = "") {
        self.name = name
        self.uid = uid
        self.gid = gid ?? uid
        self.comment = comment
        self.home = home
        self.shell = shell
    }

    public var passwdLine: String { "\(name):x:\(uid):\(gid):\(comment):\(home):\(shell)" }
    /// The locked shadow entry create_pkg's preinstall writes alongside.
    public var shadowLine: String { "\(name):NP:::::::" }
}

/// A `group` line, `haproxy::126:`.
public struct ServiceGroup: Hashable, Sendable {
    public var name: String
    public var gid: Int
    public var members: [String]

    public init(name: String, gid: Int, members: [String] = []) {
        self.name = name
        self.gid = gid
        self.members = members
    }

    public var groupLine: String { "\(name)::\(gid):\(members.joined(separator: ","))" }
}

/// A `user_attr` line granting the service user the authorizations its own
/// manifest asks for (`forgejo::::type=normal;auths=tribblix.smf.manage.forgejo,…`).
public struct UserAttribute: Hashable, Sendable {
    public var user: String
    public var authorizations: [String]

    public init(user: String, authorizations: [String]) {
        self.user = user
        self.authorizations = authorizations
    }

    public var userAttrLine: String {
        "\(user)::::type=normal;auths=\(authorizations.joined(separator: ","))"
    }
}

/// The three account files of a package's build directory.
public struct ServiceAccounts: Hashable, Sendable {
    public var users: [ServiceUser]
    public var groups: [ServiceGroup]
    public var userAttributes: [UserAttribute]

    public init(users: [ServiceUser] = [], groups: [ServiceGroup] = [], userAttributes: [UserAttribute] = []) {
        self.users = users
        self.groups = groups
        self.userAttributes = userAttributes
    }

    public var isEmpty: Bool { users.isEmpty && groups.isEmpty && userAttributes.isEmpty }

    public func renderPasswd() -> String { users.map { $0.passwdLine + "\n" }.joined() }
    public func renderGroup() -> String { groups.map { $0.groupLine + "\n" }.joined() }
    public func renderUserAttr() -> String { userAttributes.map { $0.userAttrLine + "\n" }.joined() }
}
