import Diagnostics
import Foundation
import TestSupport
import Testing
@testable import SMF

@Suite struct BundleReaderTests {
    static let manifest = """
        <?xml version="1.0"?>
        <!DOCTYPE service_bundle SYSTEM "/usr/share/lib/xml/dtd/service_bundle.dtd.1">
        <!-- leading comment -->
        <service_bundle type="manifest" name="demo">
          <service name="site/demo" version="1" type="service">
            <create_default_instance enabled="false"/>
            <single_instance/>
            <dependency name="net" grouping="require_all" restart_on="none" type="service">
              <service_fmri value="svc:/milestone/network:default"/>
              <service_fmri value="svc:/system/filesystem/local"/>
            </dependency>
            <dependent name="dep" grouping="optional_all" restart_on="refresh">
              <service_fmri value="svc:/milestone/multi-user"/>
            </dependent>
            <method_context working_directory="/var/demo" security_flags="default">
              <method_credential user="demo" group="staff" privileges="basic"/>
              <method_environment>
                <envvar name="HOME" value="/var/demo"/>
                <envvar name="LANG" value="C"/>
              </method_environment>
            </method_context>
            <exec_method type="method" name="start" exec="/usr/bin/demo %{config/port}" timeout_seconds="60">
              <propval name="ignore_error" type="astring" value="core,signal"/>
            </exec_method>
            <notification_parameters>
              <event value="to-maintenance"/>
              <type name="smtp" active="false">
                <parameter name="To"><value_node value="root@localhost"/><value_node value="ops@localhost"/></parameter>
                <paramval name="From" value="smf@localhost"/>
              </type>
            </notification_parameters>
            <property_group name="config" type="application">
              <stability value="Evolving"/>
              <propval name="port" type="count" value="5432"/>
              <property name="peers" type="net_address">
                <net_address_list>
                  <value_node value="10.0.0.1"/>
                  <value_node value="10.0.0.2"/>
                </net_address_list>
              </property>
              <property name="empty" type="astring"/>
            </property_group>
            <instance name="node1" enabled="true">
              <restarter><service_fmri value="svc:/network/inetd:default"/></restarter>
              <property_group name="config" type="application">
                <propval name="port" type="count" value="5433" override="true"/>
              </property_group>
            </instance>
            <stability value="Unstable"/>
            <template>
              <common_name><loctext xml:lang="C">Demo &amp; friends</loctext></common_name>
              <description><loctext xml:lang="C">A demo.</loctext></description>
              <documentation>
                <manpage title="demo" section="8"/>
                <doc_link name="site" uri="http://example.com/"/>
              </documentation>
              <pg_pattern name="config" type="application">
                <prop_pattern name="port" type="count" required="true">
                  <common_name><loctext xml:lang="C">port</loctext></common_name>
                  <units><loctext xml:lang="C">number</loctext></units>
                  <visibility value="readwrite"/>
                  <cardinality max="1"/>
                  <internal_separators>,</internal_separators>
                  <values><value name="5432"/></values>
                  <constraints><range min="1" max="65535"/></constraints>
                  <choices><value name="5432"/><include_values type="constraints"/></choices>
                </prop_pattern>
              </pg_pattern>
            </template>
          </service>
        </service_bundle>

        """

    func load(_ text: String, path: String = "demo.xml") -> SMFDocument {
        SMFDocument.load(data: Data(text.utf8), path: path, dtd: .embedded)
    }

    @Test func readsServiceAttributesAndFlags() throws {
        let document = load(Self.manifest)
        #expect(document.problems.isEmpty)
        let bundle = try #require(document.bundle)
        #expect(bundle.type == "manifest")
        #expect(bundle.name == "demo")
        #expect(bundle.leadingComments == [" leading comment "])
        #expect(bundle.location == SourceLocation(file: "demo.xml", line: 4))
        let service = try #require(bundle.services.first)
        #expect(service.name == "site/demo")
        #expect(service.version == "1")
        #expect(service.type == "service")
        #expect(service.createDefaultInstance?.enabled == "false")
        #expect(service.singleInstance?.location?.line == 7)
        #expect(service.stability?.value == "Unstable")
        #expect(service.location?.line == 5)
    }

    @Test func readsDependenciesWithDTDDefaults() throws {
        let service = try #require(load(Self.manifest).bundle?.services.first)
        let dependency = try #require(service.entity.dependencies.first)
        #expect(dependency.name == "net")
        #expect(dependency.fmris.map(\.value) == ["svc:/milestone/network:default", "svc:/system/filesystem/local"])
        #expect(dependency.fmris.map(\.location?.line) == [9, 10])
        // `delete` is not written; the DTD's default fills it in, as for svccfg.
        #expect(dependency.delete == "false")
        let dependent = try #require(service.entity.dependents.first)
        #expect(dependent.fmri?.value == "svc:/milestone/multi-user")
        #expect(dependent.override == "false")
    }

    @Test func readsMethodsAndContext() throws {
        let service = try #require(load(Self.manifest).bundle?.services.first)
        let context = try #require(service.entity.methodContext)
        #expect(context.workingDirectory == "/var/demo")
        #expect(context.securityFlags == "default")
        #expect(context.credential?.user == "demo")
        #expect(context.credential?.group == "staff")
        #expect(context.credential?.privileges == "basic")
        #expect(context.environment?.map(\.name) == ["HOME", "LANG"])
        let start = try #require(service.entity.execMethods.first)
        #expect(start.exec == "/usr/bin/demo %{config/port}")
        #expect(start.timeoutSeconds == "60")
        #expect(start.properties.first?.values.map(\.text) == ["core,signal"])
    }

    @Test func readsPropertyValuesWithLocations() throws {
        let service = try #require(load(Self.manifest).bundle?.services.first)
        let group = try #require(service.entity.propertyGroups.first)
        #expect(group.name == "config")
        #expect(group.type == "application")
        #expect(group.stability?.value == "Evolving")
        #expect(group.properties.map(\.name) == ["port", "peers", "empty"])
        #expect(group.properties[0].form == .propval)
        #expect(group.properties[0].smfType == .count)
        #expect(group.properties[0].values.map(\.text) == ["5432"])
        #expect(group.properties[0].override == "false")
        #expect(group.properties[1].form == .list(element: "net_address_list"))
        #expect(group.properties[1].values.map(\.text) == ["10.0.0.1", "10.0.0.2"])
        #expect(group.properties[1].values.map(\.location?.line) == [37, 38])
        #expect(group.properties[2].form == .list(element: nil))
        #expect(group.properties[2].values.isEmpty)

        let instance = try #require(service.instances.first)
        #expect(instance.name == "node1")
        #expect(instance.isEnabled == true)
        #expect(instance.restarter?.value == "svc:/network/inetd:default")
        #expect(instance.entity.propertyGroups.first?.properties.first?.override == "true")
    }

    @Test func readsNotificationParameters() throws {
        let service = try #require(load(Self.manifest).bundle?.services.first)
        let parameters = try #require(service.entity.notificationParameters.first)
        #expect(parameters.events.map(\.value) == ["to-maintenance"])
        let type = try #require(parameters.types.first)
        #expect(type.name == "smtp")
        #expect(type.active == "false")
        #expect(type.parameters.map(\.name) == ["To", "From"])
        #expect(type.parameters[0].values == ["root@localhost", "ops@localhost"])
        #expect(type.parameters[1].isParamval)
    }

    @Test func readsTemplatesWithDTDDefaults() throws {
        let service = try #require(load(Self.manifest).bundle?.services.first)
        let template = try #require(service.entity.template)
        #expect(template.commonName.map(\.text) == ["Demo & friends"])
        #expect(template.commonName.first?.lang == "C")
        #expect(template.description?.map(\.text) == ["A demo."])
        let documentation = try #require(template.documentation)
        #expect(documentation.count == 2)
        if case .manpage(let title, let section, let manpath, _) = documentation[0] {
            #expect(title == "demo" && section == "8")
            #expect(manpath == ":default")  // DTD default
        } else {
            Issue.record("first documentation item is not a manpage")
        }
        let pattern = try #require(template.pgPatterns.first)
        #expect(pattern.name == "config")
        #expect(pattern.target == "this")  // DTD default
        #expect(pattern.required == "false")  // DTD default
        let property = try #require(pattern.propPatterns.first)
        #expect(property.required == "true")
        #expect(property.units?.map(\.text) == ["number"])
        #expect(property.visibility == "readwrite")
        #expect(property.cardinality?.min == "0")  // DTD default
        #expect(property.cardinality?.max == "1")
        #expect(property.internalSeparators == ",")
        #expect(property.values?.map(\.name) == ["5432"])
        #expect(property.constraints?.ranges.first?.max == "65535")
        #expect(property.choices?.includeValues == ["constraints"])
    }

    @Test func keepsEveryAttributeInTheElementTree() throws {
        let root = try #require(load(Self.manifest).root)
        let dependency = try #require(root.elements.first?.elements(named: "dependency").first)
        #expect(dependency.attributes.map(\.name) == ["name", "grouping", "restart_on", "type", "delete"])
        #expect(dependency.attributes.map(\.isDefaulted) == [false, false, false, false, true])
    }

    @Test func readsProfilesWithIncludesAndNestedBundles() throws {
        let profile = """
            <?xml version="1.0"?>
            <!DOCTYPE service_bundle SYSTEM "/usr/share/lib/xml/dtd/service_bundle.dtd.1">
            <service_bundle type="profile" name="p" xmlns:xi="http://www.w3.org/2003/XInclude">
              <xi:include href="file:/etc/svc/profile/name_service.xml"/>
              <service_bundle type="profile" name="inner">
                <service name="system/cron" version="1" type="service">
                  <instance name="default">
                    <property_group name="pg"><propval name="x" value="1"/></property_group>
                  </instance>
                </service>
              </service_bundle>
            </service_bundle>
            """
        let bundle = try #require(load(profile).bundle)
        #expect(bundle.bundleType == .profile)
        // `parse` is the DTD default.
        #expect(bundle.includes == [XInclude(href: "file:/etc/svc/profile/name_service.xml", parse: "xml",
                                             location: SourceLocation(file: "demo.xml", line: 4))])
        let inner = try #require(bundle.bundles.first)
        #expect(inner.name == "inner")
        let instance = try #require(inner.services.first?.instances.first)
        #expect(instance.enabled == nil)
        #expect(instance.entity.propertyGroups.first?.type == nil)
        #expect(instance.entity.propertyGroups.first?.properties.first?.type == nil)
    }

    @Test func toleratesElementsInTheWrongPlace() throws {
        let text = bundleXML("""
              <service name="a" version="1" type="service">
                <bogus/>
                <instance name="i" enabled="maybe"><service_fmri value="x"/><stability value="Stable"/></instance>
                <property_group><propval/><property><value_node/><count_list><bogus/></count_list></property></property_group>
                <template/>
                <template><common_name/></template>
                <method_context/><method_context><method_environment/></method_context>
              </service>
              <service/>
            """)
        let bundle = try #require(load(text).bundle)
        #expect(bundle.services.count == 2)
        let first = bundle.services[0]
        #expect(first.instances.first?.enabled == "maybe")
        #expect(first.instances.first?.isEnabled == nil)
        #expect(first.entity.propertyGroups.first?.name == "")
        #expect(first.entity.propertyGroups.first?.properties.count == 2)
        #expect(first.entity.template?.commonName == [])
        #expect(bundle.services[1].name == "")
    }

    @Test(.needsCorpus) func readsEveryCorpusBundle() throws {
        let files = try TestPaths.corpusBundles()
        #expect(files.count == 225)
        var services = 0
        for file in files {
            let document = try SMFDocument.load(path: file.path, dtd: .embedded)
            #expect(document.problems.isEmpty, "\(file.path): \(document.problems)")
            services += document.bundle?.services.count ?? 0
        }
        // SOURCE.txt: 342 services in the illumos-gate bundles alone.
        #expect(services >= 342)
    }
}
