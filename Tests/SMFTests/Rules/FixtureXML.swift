/// Builders for the small documents the rule fixtures are made of.
enum FixtureXML {
    static let doctype = """
        <?xml version="1.0"?>
        <!DOCTYPE service_bundle SYSTEM "/usr/share/lib/xml/dtd/service_bundle.dtd.1">
        """

    /// A whole document around `content` (services or nested bundles).
    static func bundle(_ content: String, type: String = "manifest", name: String = "test") -> String {
        "\(doctype)\n<service_bundle type='\(type)' name='\(name)'>\n\(content)\n</service_bundle>\n"
    }

    /// The start and stop methods svc.startd requires.
    static let methods = """
        <exec_method type='method' name='start' exec='/usr/bin/daemon' timeout_seconds='60'/>
        <exec_method type='method' name='stop' exec=':kill' timeout_seconds='60'/>
        """

    /// A service; `body` holds the children between the instance-creating
    /// head and the end (in DTD order).
    static func service(
        _ body: String = methods, name: String = "site/test", head: String = "<create_default_instance enabled='false'/>",
        attributes: String = "type='service' version='1'"
    ) -> String {
        "<service name='\(name)' \(attributes)>\n\(head)\n\(body)\n</service>"
    }

    /// A manifest holding one service.
    static func manifest(_ body: String = methods, name: String = "site/test",
                         head: String = "<create_default_instance enabled='false'/>") -> String {
        bundle(service(body, name: name, head: head))
    }

    /// A manifest whose service has the methods and `extra` after them
    /// (property groups, instances, stability, template).
    static func withMethods(_ extra: String, before: String = "", head: String = "<create_default_instance enabled='false'/>")
        -> String
    {
        manifest(before + "\n" + methods + "\n" + extra, head: head)
    }

    /// A template with a common name and `patterns`.
    static func template(_ patterns: String) -> String {
        "<template><common_name><loctext xml:lang='C'>test</loctext></common_name>\n\(patterns)\n</template>"
    }

    /// A `config` application group holding `properties`.
    static func config(_ properties: String) -> String {
        "<property_group name='config' type='application'>\n\(properties)\n</property_group>"
    }
}
