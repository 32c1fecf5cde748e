import SMF
import Systemd

/// `User=`, `Group=`, `SupplementaryGroups=`, capabilities,
/// `WorkingDirectory=` and the literal `Environment=` values as the
/// service's `method_context`.
enum CredentialMapping {
    static func methodContext(of context: inout MappingContext) -> MethodContext {
        let unit = context.unit
        var methodContext = MethodContext()

        let user = literalSetting("User", in: &context)
        let group = literalSetting("Group", in: &context)
        let supplementary = unit.list("Service", "SupplementaryGroups").flatMap { WordSplitter.words($0.value) }
        var privileges = capabilities("AmbientCapabilities", in: &context).map { ["basic"] + $0 }
        if context.needsResourcePrivilege, user != nil, user != "root" {
            privileges = (privileges ?? ["basic"]) + ["sys_resource"]
        }
        let limit = boundingSet(in: &context)
        if user != nil || group != nil || !supplementary.isEmpty || privileges != nil || limit != nil {
            methodContext.credential = MethodCredential(
                user: user ?? "root", group: group,
                supplementaryGroups: supplementary.isEmpty ? nil : supplementary.joined(separator: ","),
                privileges: privileges.map { unique($0).joined(separator: ",") }, limitPrivileges: limit
            )
        }

        // systemd's default is the root directory; SMF's would be the
        // user's home, so the default is written out.
        methodContext.workingDirectory = "/"
        if let setting = unit.setting("Service", "WorkingDirectory") {
            let value = setting.value.hasPrefix("-") ? String(setting.value.dropFirst()) : setting.value
            if value == "~" {
                methodContext.workingDirectory = ":home"
            } else if let text = MappingContext.literal(context.resolved(setting, value)) {
                methodContext.workingDirectory = text
            } else {
                context.findings.unmapped(setting, "a working directory known only on the host cannot be written "
                    + "into method_context; :home is used")
                methodContext.workingDirectory = ":home"
            }
        }
        let environment = StartSetup.environment(of: unit)
        if !environment.isEmpty { methodContext.environment = environment }
        return methodContext
    }

    private static func literalSetting(_ key: String, in context: inout MappingContext) -> String? {
        guard let setting = context.unit.setting("Service", key) else { return nil }
        if let text = MappingContext.literal(context.resolved(setting)) { return text }
        context.findings.unmapped(setting, "a name that depends on the instance or the host cannot be written into "
            + "method_credential; write the account by hand")
        return nil
    }

    /// The illumos privileges for a capability list; nil when unset.
    private static func capabilities(_ key: String, in context: inout MappingContext) -> [String]? {
        let assignments = context.unit.list("Service", key)
        guard !assignments.isEmpty else { return nil }
        var result: [String] = []
        for assignment in assignments {
            for name in WordSplitter.words(assignment.value.hasPrefix("~") ? String(assignment.value.dropFirst()) : assignment.value) {
                if let mapped = Privileges.forCapability[name] {
                    result += mapped
                } else {
                    context.findings.unmapped(assignment, "\(name) has no illumos privilege smfkit knows; "
                        + "see privileges(7) and add it to method_credential by hand")
                }
            }
        }
        return result
    }

    /// `CapabilityBoundingSet=` as `limit_privileges`: a list is the most
    /// the service may ever have, `~list` everything but those.
    private static func boundingSet(in context: inout MappingContext) -> String? {
        let assignments = context.unit.list("Service", "CapabilityBoundingSet")
        guard let last = assignments.last else { return nil }
        let inverted = last.value.hasPrefix("~")
        guard let privileges = capabilities("CapabilityBoundingSet", in: &context) else { return nil }
        if inverted {
            return (["all"] + unique(privileges).map { "!" + $0 }).joined(separator: ",")
        }
        return unique(["basic"] + privileges).joined(separator: ",")
    }

    private static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}
