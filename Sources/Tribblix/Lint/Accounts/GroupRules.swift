import Diagnostics

/// A package's `group` fragment: `name::gid:members` (group(5)).
struct GroupFieldsRule: DescriptorRule {
    let id = "tribblix.group.fields"
    let summary = "a group line must have 4 ':'-separated fields"

    func check(_ file: ParsedLineList) -> [Diagnostic] {
        file.lines.compactMap { line in
            let count = line.colonFields.count
            if count == 4 { return nil }
            return error("a group line has 4 fields, name::gid:members; this one has \(count)", in: file.path, line: line.number)
        }
    }
}

struct GroupNameRule: DescriptorRule {
    let id = "tribblix.group.name"
    let summary = "a group line must start with a valid group name"

    func check(_ file: ParsedLineList) -> [Diagnostic] {
        file.lines.compactMap { line in
            guard let name = line.colonFields.first, let problem = AccountName.problem(with: name.text) else { return nil }
            return error("\(problem); fix the group name", in: file.path, line: line.number)
        }
    }
}

struct GroupIDRule: DescriptorRule {
    let id = "tribblix.group.gid"
    let summary = "a group line's gid must be decimal"

    func check(_ file: ParsedLineList) -> [Diagnostic] {
        file.lines.compactMap { line in
            let fields = line.colonFields
            guard fields.count > 2, let problem = AccountName.idProblem(with: fields[2].text, what: "gid") else { return nil }
            return error("\(problem); Tribblix uses the service user's uid", in: file.path, line: line.number, column: fields[2].column)
        }
    }
}

struct GroupDuplicateRule: DescriptorRule {
    let id = "tribblix.group.duplicate"
    let summary = "a group fragment must not repeat a name or a gid"

    func check(_ file: ParsedLineList) -> [Diagnostic] {
        var names = FirstOccurrence<String>(), gids = FirstOccurrence<String>()
        return file.lines.flatMap { line -> [Diagnostic] in
            let fields = line.colonFields
            guard fields.count > 2 else { return [] }
            var found: [Diagnostic] = []
            if let first = names.earlierLine(of: fields[0].text, on: line.number) {
                found.append(error("group '\(fields[0].text)' is already defined on line \(first); keep one line per group",
                                   in: file.path, line: line.number))
            }
            if let first = gids.earlierLine(of: fields[2].text, on: line.number) {
                found.append(error("gid \(fields[2].text) is already used on line \(first); give each group its own gid",
                                   in: file.path, line: line.number, column: fields[2].column))
            }
            return found
        }
    }
}

/// A package's `user_attr` fragment: `user:qualifier:res1:res2:attr`
/// (user_attr(5)), Tribblix's being `name::::type=normal;auths=…`.
struct UserAttrFieldsRule: DescriptorRule {
    let id = "tribblix.user-attr.fields"
    let summary = "a user_attr line must have 5 ':'-separated fields starting with a user name"

    func check(_ file: ParsedLineList) -> [Diagnostic] {
        file.lines.compactMap { line in
            let fields = line.colonFields
            if fields.count != 5 {
                return error("a user_attr line has 5 fields, user::::key=value;…; this one has \(fields.count)",
                             in: file.path, line: line.number)
            }
            guard let problem = AccountName.problem(with: fields[0].text) else { return nil }
            return error("\(problem); fix the user name", in: file.path, line: line.number)
        }
    }
}

/// The attribute field is `key=value` pairs separated by `;`.
struct UserAttrAttributesRule: DescriptorRule {
    let id = "tribblix.user-attr.attributes"
    let summary = "a user_attr attribute field must be key=value pairs separated by ';'"

    func check(_ file: ParsedLineList) -> [Diagnostic] {
        file.lines.compactMap { line in
            let fields = line.colonFields
            guard fields.count == 5 else { return nil }
            let pairs = fields[4].text.split(separator: ";", omittingEmptySubsequences: false)
            let valid = pairs.allSatisfy { pair in
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty
            }
            if valid { return nil }
            return error("'\(fields[4].text)' is not key=value;key=value (e.g. type=normal;auths=tribblix.smf.manage.app)",
                         in: file.path, line: line.number, column: fields[4].column)
        }
    }
}

/// The group counterpart of `tribblix.passwd.reserved-uid`.
struct GroupReservedIDRule: DescriptorRule {
    let id = "tribblix.group.reserved-gid"
    let summary = "a gid must not be one Tribblix allocated to another account (User.txt)"

    func check(_ file: ParsedLineList) -> [Diagnostic] {
        file.lines.compactMap { line in
            let fields = line.colonFields
            guard fields.count > 2, let gid = Int(fields[2].text),
                  let problem = TribblixAccountRegistry.clash(name: fields[0].text, id: gid, what: "gid") else { return nil }
            return warning(problem, in: file.path, line: line.number, column: fields[2].column)
        }
    }
}

/// The group of an account a Tribblix package owns; see `PasswdOwnedAccountRule`.
struct GroupOwnedAccountRule: DescriptorRule {
    let id = "tribblix.group.owned-account"
    let summary = "a package must not define a group another Tribblix package owns (User.txt)"

    func check(_ file: ParsedLineList) -> [Diagnostic] {
        file.lines.compactMap { line in
            let name = line.colonFields.first
            guard let name, let problem = OwnedAccount.problem(name: name.text, in: file.path) else { return nil }
            return warning(problem, in: file.path, line: line.number, column: name.column)
        }
    }
}
