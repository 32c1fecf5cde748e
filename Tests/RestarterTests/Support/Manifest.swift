/// Small manifests for the restarter's tests: one service per call, with
/// shell one-liners as methods. Written as XML text on purpose — what a
/// user would write — and escaped here, in one place.
struct TestService {
    var name: String
    var enabled = true
    var start: String
    var stop: String? = ":kill"
    var refresh: String?
    var startTimeout = 10
    var stopTimeout = 5
    var duration: String?
    /// `startd` properties other than duration (ignore_error, timeout_retry, …).
    var startd: [String: String] = [:]
    /// (name, grouping, restart_on, FMRIs)
    var dependencies: [(String, String, String, [String])] = []
    /// `<dependent>`s: (name, grouping, restart_on, the FMRI that gets the dependency)
    var dependents: [(String, String, String, String)] = []
    var config: [String: String] = [:]
    /// Inside `<method_context>`: working_directory, umask, environment.
    var workingDirectory: String?
    var umask: String?
    var environment: [String: String] = [:]
    /// `<method_credential user=… group=…/>`.
    var credential: (user: String, group: String)?

    var xml: String {
        var text = "  <service name=\"\(escape(name))\" type=\"service\" version=\"1\">\n"
        text += "    <create_default_instance enabled=\"\(enabled)\"/>\n    <single_instance/>\n"
        for (dependency, grouping, restartOn, fmris) in dependencies {
            let type = fmris.allSatisfy { $0.hasPrefix("file:") } ? "path" : "service"
            text += "    <dependency name=\"\(dependency)\" grouping=\"\(grouping)\" restart_on=\"\(restartOn)\" type=\"\(type)\">\n"
            text += fmris.map { "      <service_fmri value=\"\(escape($0))\"/>\n" }.joined()
            text += "    </dependency>\n"
        }
        for (dependent, grouping, restartOn, fmri) in dependents {
            text += "    <dependent name=\"\(dependent)\" grouping=\"\(grouping)\" restart_on=\"\(restartOn)\">\n"
            text += "      <service_fmri value=\"\(escape(fmri))\"/>\n    </dependent>\n"
        }
        if workingDirectory != nil || !environment.isEmpty || credential != nil {
            text += "    <method_context"
            if let workingDirectory { text += " working_directory=\"\(escape(workingDirectory))\"" }
            text += ">\n"
            if let credential {
                text += "      <method_credential user=\"\(escape(credential.user))\" group=\"\(escape(credential.group))\"/>\n"
            }
            if !environment.isEmpty {
                text += "      <method_environment>\n"
                for name in environment.keys.sorted() {
                    text += "        <envvar name=\"\(name)\" value=\"\(escape(environment[name] ?? ""))\"/>\n"
                }
                text += "      </method_environment>\n"
            }
            text += "    </method_context>\n"
        }
        text += method("start", start, startTimeout)
        if let stop { text += method("stop", stop, stopTimeout) }
        if let refresh { text += method("refresh", refresh, 5) }
        var startdProperties = startd
        if let duration { startdProperties["duration"] = duration }
        if !startdProperties.isEmpty {
            text += "    <property_group name=\"startd\" type=\"framework\">\n"
            for key in startdProperties.keys.sorted() {
                let type = key == "timeout_retry" ? "boolean" : "astring"
                text += "      <propval name=\"\(key)\" type=\"\(type)\" value=\"\(escape(startdProperties[key] ?? ""))\"/>\n"
            }
            text += "    </property_group>\n"
        }
        if !config.isEmpty || umask != nil {
            if !config.isEmpty {
                text += "    <property_group name=\"config\" type=\"application\">\n"
                for key in config.keys.sorted() {
                    text += "      <propval name=\"\(key)\" type=\"astring\" value=\"\(escape(config[key] ?? ""))\"/>\n"
                }
                text += "    </property_group>\n"
            }
            if let umask {
                text += "    <property_group name=\"method_context\" type=\"framework\">\n"
                text += "      <propval name=\"umask\" type=\"astring\" value=\"\(escape(umask))\"/>\n"
                text += "    </property_group>\n"
            }
        }
        text += "  </service>\n"
        return text
    }

    private func method(_ name: String, _ exec: String, _ timeout: Int) -> String {
        "    <exec_method type=\"method\" name=\"\(name)\" exec=\"\(escape(exec))\" timeout_seconds=\"\(timeout)\"/>\n"
    }

    /// `svc:/NAME:default`.
    var fmri: String { "svc:/\(name):default" }
}

/// A bundle of services, as one manifest file.
func bundle(_ services: [TestService]) -> String {
    "<?xml version=\"1.0\"?>\n<!DOCTYPE service_bundle SYSTEM \"/usr/share/lib/xml/dtd/service_bundle.dtd.1\">\n"
        + "<service_bundle type=\"manifest\" name=\"restarter-test\">\n"
        + services.map(\.xml).joined() + "</service_bundle>\n"
}

private func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
}
