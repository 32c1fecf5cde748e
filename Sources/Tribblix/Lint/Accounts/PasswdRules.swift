import Diagnostics

/// A package's `passwd` fragment, whose lines the generated preinstall
/// appends to `/etc/passwd`: `name:x:uid:gid:comment:home:shell` (passwd(5)).
struct PasswdFieldsRule: DescriptorRule {
    let id = "tribblix.passwd.fields"
    let summary = "a passwd line must have 7 ':'-separated fields"

    func check(_ file: ParsedLineList) -> [Diagnostic] {
        file.lines.compactMap { line in
            let count = line.colonFields.count
            if count == 7 { return nil }
            return error("a passwd line has 7 fields, name:x:uid:gid:comment:home:shell; this one has \(count)",
                         in: file.path, line: line.number)
        }
    }
}

struct PasswdNameRule: DescriptorRule {
    let id = "tribblix.passwd.name"
    let summary = "a passwd line must start with a valid login name"

    func check(_ file: ParsedLineList) -> [Diagnostic] {
        file.lines.compactMap { line in
            guard let name = line.colonFields.first, let problem = AccountName.problem(with: name.text) else { return nil }
            return error("\(problem); fix the login name", in: file.path, line: line.number)
        }
    }
}

/// The password field is `x`: the preinstall puts a locked `NP` entry in
/// shadow, so a hash here would be a secret in a world-readable file.
struct PasswdPasswordFieldRule: DescriptorRule {
    let id = "tribblix.passwd.password"
    let summary = "a passwd line's password field must be x"

    func check(_ file: ParsedLineList) -> [Diagnostic] {
        file.lines.compactMap { line in
            let fields = line.colonFields
            guard fields.count > 1, fields[1].text != "x" else { return nil }
            return error("the password field must be 'x' (the account is locked with NP in shadow); never put a password here",
                         in: file.path, line: line.number, column: fields[1].column)
        }
    }
}

/// uid and gid are decimal; uid 0 would make a service user root.
struct PasswdIDsRule: DescriptorRule {
    let id = "tribblix.passwd.ids"
    let summary = "a passwd line's uid and gid must be decimal, and the uid not 0"

    func check(_ file: ParsedLineList) -> [Diagnostic] {
        file.lines.flatMap { line -> [Diagnostic] in
            let fields = line.colonFields
            guard fields.count > 3 else { return [] }
            var found: [Diagnostic] = []
            for (index, what) in [(2, "uid"), (3, "gid")] {
                if let problem = AccountName.idProblem(with: fields[index].text, what: what) {
                    found.append(error("\(problem); take the number from Tribblix's User.txt", in: file.path,
                                       line: line.number, column: fields[index].column))
                }
            }
            if fields[2].text == "0" {
                found.append(error("uid 0 is root; give the service user its own uid", in: file.path,
                                   line: line.number, column: fields[2].column))
            }
            return found
        }
    }
}

/// Home is an absolute path (`/opt/tribblix/<app>` or `/var/empty`).
struct PasswdHomeRule: DescriptorRule {
    let id = "tribblix.passwd.home"
    let summary = "a passwd line's home directory must be an absolute path"

    func check(_ file: ParsedLineList) -> [Diagnostic] {
        file.lines.compactMap { line in
            let fields = line.colonFields
            guard fields.count > 5, !fields[5].text.hasPrefix("/") else { return nil }
            return error("home directory '\(fields[5].text)' is not absolute; use e.g. /opt/tribblix/<app>",
                         in: file.path, line: line.number, column: fields[5].column)
        }
    }
}

/// Two lines for one name or one uid: the preinstall would add only the
/// first name, and a shared uid makes two users one.
struct PasswdDuplicateRule: DescriptorRule {
    let id = "tribblix.passwd.duplicate"
    let summary = "a passwd fragment must not repeat a name or a uid"

    func check(_ file: ParsedLineList) -> [Diagnostic] {
        var names = FirstOccurrence<String>(), uids = FirstOccurrence<String>()
        return file.lines.flatMap { line -> [Diagnostic] in
            let fields = line.colonFields
            guard fields.count > 2 else { return [] }
            var found: [Diagnostic] = []
            if let first = names.earlierLine(of: fields[0].text, on: line.number) {
                found.append(error("user '\(fields[0].text)' is already defined on line \(first); keep one line per user",
                                   in: file.path, line: line.number))
            }
            if let first = uids.earlierLine(of: fields[2].text, on: line.number) {
                found.append(error("uid \(fields[2].text) is already used on line \(first); give each user its own uid",
                                   in: file.path, line: line.number, column: fields[2].column))
            }
            return found
        }
    }
}

/// A uid Tribblix has allocated to another account, or a Tribblix account
/// name with a different uid: installing both packages would leave two
/// users sharing an id, or the generated preinstall skipping the user.
struct PasswdReservedIDRule: DescriptorRule {
    let id = "tribblix.passwd.reserved-uid"
    let summary = "a uid must not be one Tribblix allocated to another account (User.txt)"

    func check(_ file: ParsedLineList) -> [Diagnostic] {
        file.lines.compactMap { line in
            let fields = line.colonFields
            guard fields.count > 2, let uid = Int(fields[2].text),
                  let problem = TribblixAccountRegistry.clash(name: fields[0].text, id: uid, what: "uid") else { return nil }
            return warning(problem, in: file.path, line: line.number, column: fields[2].column)
        }
    }
}

/// An account a Tribblix package already defines (haproxy, TRIBblix-haproxy2's):
/// two packages whose preinstall scripts add one account, whichever comes
/// first wins and removing either leaves the other's files to a stranger.
/// Depend on the owning package instead. The owner's own file passes.
struct PasswdOwnedAccountRule: DescriptorRule {
    let id = "tribblix.passwd.owned-account"
    let summary = "a package must not define an account another Tribblix package owns (User.txt)"

    func check(_ file: ParsedLineList) -> [Diagnostic] {
        file.lines.compactMap { line in
            let name = line.colonFields.first
            guard let name, let problem = OwnedAccount.problem(name: name.text, in: file.path) else { return nil }
            return warning(problem, in: file.path, line: line.number, column: name.column)
        }
    }
}

/// Whether an account named in a package's passwd or group file belongs to
/// another package.
enum OwnedAccount {
    static func problem(name: String, in path: String) -> String? {
        guard let owner = TribblixAccountRegistry.owningPackages[name] else { return nil }
        // The directory holding the file names its package (`TRIBblix-haproxy2/passwd`;
        // a kept old copy is `TRIBblix-haproxy@history`).
        let directory = path.split(separator: "/").dropLast().last.map { String($0.prefix { $0 != "@" }) } ?? ""
        if directory == owner || directory == TribblixAccountRegistry.formerOwners[name] { return nil }
        return "the '\(name)' account belongs to \(owner) (Tribblix's User.txt); depend on \(owner) instead of defining it again"
    }
}
