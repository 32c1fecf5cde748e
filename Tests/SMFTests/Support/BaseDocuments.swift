/// Valid documents that together use every element and attribute of the SMF
/// DTD, as starting points for the mutation suite.
enum BaseDocuments {
    static let listTypes = [
        "count", "integer", "opaque", "host", "hostname", "net_address", "net_address_v4", "net_address_v6",
        "time", "astring", "ustring", "boolean", "fmri", "uri",
    ]

    /// A manifest with every element a manifest may hold.
    static var manifest: String {
        let lists = listTypes.map {
            "<property name=\"p_\($0)\" type=\"\($0)\"><\($0)_list><value_node value=\"1\"/></\($0)_list></property>"
        }.joined(separator: "\n")
        return bundleXML(name: "everything", """
            <service name="site/all" version="1" type="service">
              <create_default_instance enabled="false"/>
              <single_instance/>
              <restarter><service_fmri value="svc:/system/svc/restarter:default"/></restarter>
              <dependency name="d" grouping="require_all" restart_on="none" type="service" delete="false">
                <service_fmri value="svc:/milestone/network"/>
                <stability value="Stable"/>
                <propval name="x" type="astring" value="y" override="true"/>
                <property name="z" type="boolean"><boolean_list><value_node value="true"/></boolean_list></property>
              </dependency>
              <dependent name="e" grouping="optional_all" restart_on="refresh" delete="false" override="false">
                <service_fmri value="svc:/milestone/multi-user"/>
                <stability value="Evolving"/>
                <propval name="x" type="count" value="1"/>
              </dependent>
              <method_context working_directory="/" project=":default" resource_pool=":default" security_flags="default">
                <method_credential user="root" group="root" supp_groups="" privileges="basic" limit_privileges="all"/>
                <method_environment><envvar name="A" value="1"/></method_environment>
              </method_context>
              <exec_method type="method" name="start" exec="/bin/true" timeout_seconds="60" delete="false">
                <method_context><method_profile name="All"/></method_context>
                <stability value="Unstable"/>
                <propval name="p" type="astring" value="v"/>
              </exec_method>
              <exec_method type="monitor" name="stop" exec=":kill" timeout_seconds="60"/>
              <notification_parameters>
                <event value="to-maintenance"/>
                <type name="smtp" active="true">
                  <parameter name="To"><value_node value="root@localhost"/></parameter>
                  <paramval name="From" value="smf@localhost"/>
                </type>
              </notification_parameters>
              <property_group name="config" type="application" delete="false">
                <stability value="External"/>
                <propval name="single" type="astring" value="v"/>
            \(lists)
              </property_group>
              <instance name="i" enabled="true">
                <restarter><service_fmri value="svc:/network/inetd:default"/></restarter>
                <dependency name="d" grouping="require_any" restart_on="error" type="path">
                  <service_fmri value="file://localhost/etc/x"/>
                </dependency>
                <dependent name="e" grouping="exclude_all" restart_on="restart"><service_fmri value="svc:/a"/></dependent>
                <method_context/>
                <exec_method type="method" name="refresh" exec=":true" timeout_seconds="0"/>
                <notification_parameters><event value="to-offline"/><type name="snmp"/></notification_parameters>
                <property_group name="pg" type="application"><propval name="a" type="integer" value="-1"/></property_group>
                <template><common_name><loctext xml:lang="C">instance</loctext></common_name></template>
              </instance>
              <stability value="Obsolete"/>
              <template>
                <common_name><loctext xml:lang="C">all</loctext></common_name>
                <description><loctext xml:lang="C">everything</loctext></description>
                <documentation>
                  <manpage title="all" section="8" manpath="/usr/share/man"/>
                  <doc_link name="home" uri="http://example.com/"/>
                </documentation>
                <pg_pattern name="config" type="application" required="true" target="this">
                  <common_name><loctext xml:lang="C">config</loctext></common_name>
                  <description><loctext xml:lang="C">settings</loctext></description>
                  <prop_pattern name="port" type="count" required="false">
                    <common_name><loctext xml:lang="C">port</loctext></common_name>
                    <description><loctext xml:lang="C">the port</loctext></description>
                    <units><loctext xml:lang="C">number</loctext></units>
                    <visibility value="readwrite"/>
                    <cardinality min="1" max="1"/>
                    <internal_separators>,</internal_separators>
                    <values>
                      <value name="5432">
                        <common_name><loctext xml:lang="C">default</loctext></common_name>
                        <description><loctext xml:lang="C">the default</loctext></description>
                      </value>
                    </values>
                    <constraints><value name="5432"/><range min="1" max="65535"/></constraints>
                    <choices><value name="5432"/><range min="1" max="2"/><include_values type="values"/></choices>
                  </prop_pattern>
                </pg_pattern>
              </template>
            </service>
            """)
    }

    /// A bundle of bundles.
    static let nested = bundleXML(name: "outer", """
        <service_bundle type="manifest" name="inner">
          <service name="a" version="1" type="milestone"/>
        </service_bundle>
        """)

    /// A bundle of inclusions, each with the fallback the DTD requires.
    static let includes = bundleXML(name: "includes", """
        <xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="other.xml" parse="text" encoding="UTF-8">
          <xi:fallback xmlns:xi="http://www.w3.org/2001/XInclude"><service name="anything" version="1" type="service"/></xi:fallback>
        </xi:include>
        """)

    /// A profile: types left out where the profile variant allows it.
    static let profile = bundleXML(type: "profile", name: "site", """
        <service name="system/cron" version="1" type="service">
          <instance name="default" enabled="true">
            <property_group name="pg">
              <propval name="a" value="1"/>
              <property name="b"><astring_list><value_node value="x"/></astring_list></property>
            </property_group>
          </instance>
        </service>
        """)
}
