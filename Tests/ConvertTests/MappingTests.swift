@testable import Convert
import Diagnostics
import Testing

/// The mapping table of docs/convert.md, one row per test, on small units.
@Suite struct MappingTests {
    @Test func simpleServiceIsAChildWithOneExecLine() throws {
        let outcome = convert([("web.service", """
            [Unit]
            Description=Web server
            Documentation=man:web(8) https://example.org/web
            After=network.target
            [Service]
            ExecStart=/usr/bin/web --port 80 "a b" 50%%
            User=www
            Group=www
            Environment=A=1 "B=two words"
            WorkingDirectory=~
            AmbientCapabilities=CAP_NET_BIND_SERVICE
            TimeoutStopSec=2min
            [Install]
            WantedBy=multi-user.target
            """)])
        #expect(outcome.errors.isEmpty, "\(outcome.errors)")
        #expect(outcome.warnings.isEmpty, "\(outcome.warnings)")
        let xml = try #require(outcome.file("manifests/web.xml"))
        #expect(xml.contains(#"exec="/usr/bin/web --port 80 'a b' 50%%""#))
        #expect(xml.contains(#"<propval name="duration" type="astring" value="child"/>"#))
        #expect(xml.contains(#"<method_credential user="www" group="www" privileges="basic,net_privaddr"/>"#))
        #expect(xml.contains(#"<envvar name="B" value="two words"/>"#))
        #expect(xml.contains(#"working_directory=":home""#))
        #expect(xml.contains(#"exec=":kill" timeout_seconds="120""#))
        #expect(xml.contains(#"<service_fmri value="svc:/milestone/network:default"/>"#))
        #expect(xml.contains(#"<dependent name="web_multi-user" grouping="optional_all""#))
        #expect(xml.contains(#"<instance name="default" enabled="true">"#))
        #expect(xml.contains(#"<manpage title="web" section="8"/>"#))
        #expect(xml.contains(#"<loctext xml:lang="C">Web server</loctext>"#))
        #expect(outcome.files.count == 1, "no method script is needed")
    }

    @Test func typesMapToDurations() throws {
        let forking = convert([("f.service", "[Service]\nType=forking\nExecStart=/bin/f\n")])
        #expect(try #require(forking.file("manifests/f.xml")).contains(#"name="startd""#) == false)
        let oneshot = convert([("o.service", "[Service]\nType=oneshot\nRemainAfterExit=yes\nExecStart=/bin/a\nExecStart=/bin/b\n")])
        let xml = try #require(oneshot.file("manifests/o.xml"))
        #expect(xml.contains(#"value="transient""#))
        #expect(xml.contains(#"name="stop" type="method" exec=":true""#))
        let script = try #require(oneshot.file("methods/svc-o"))
        #expect(script.contains("    /bin/a\n    /bin/b\n"))
    }

    @Test func templatesUseTheInstanceToken() throws {
        let outcome = convert([("db@.service", "[Service]\nExecStart=/bin/db %i %I\n")],
                              options: ConversionOptions(instances: ["main"]))
        let xml = try #require(outcome.file("manifests/db.xml"))
        #expect(xml.contains(#"exec="/bin/db %i %i""#))
        #expect(xml.contains(#"<instance name="main" enabled="false">"#))
        #expect(outcome.warnings.contains { $0.location.line == 2 && $0.message.hasPrefix("%I") })
    }

    @Test func aTemplateWithoutInstancesIsReported() {
        let outcome = convert([("db@.service", "[Service]\nExecStart=/bin/db %i\n")])
        #expect(outcome.warnings.map(\.rule) == [ConvertRuleID.noInstance])
    }

    @Test func unitsOfTheSameRunAreLinkedByFMRI() throws {
        let outcome = convert([
            ("db@.service", "[Service]\nExecStart=/bin/db %i\n"),
            ("backup@.service", "[Unit]\nRequires=db@%i.service\nWants=other.service\n[Service]\nType=oneshot\nExecStart=/bin/b\n"),
        ], options: ConversionOptions(instances: ["main"]))
        let xml = try #require(outcome.file("manifests/backup.xml"))
        #expect(xml.contains(#"<service_fmri value="svc:/application/db:main"/>"#))
        #expect(xml.contains(#"grouping="require_all" restart_on="restart""#))
        #expect(outcome.warnings.contains { $0.rule == ConvertRuleID.dependency && $0.message.contains("other.service") })
    }

    @Test func shellMetacharactersAreQuotedAndVariablesKeepTheirSplitting() throws {
        let outcome = convert([("q.service", #"""
            [Service]
            Environment=OPTS=-v
            ExecStart=/bin/q "a;b" "it's" $OPTS ${OPTS}x $$HOME
            """#)])
        let xml = try #require(outcome.file("manifests/q.xml"))
        #expect(xml.contains(#"exec="/bin/q 'a;b' 'it'\''s' $OPTS &quot;${OPTS}&quot;x '$HOME'""#), "\(xml)")
    }

    @Test func everythingUnmappedIsAWarningAtItsLine() {
        let outcome = convert([("s.service", "[Unit]\nPartOf=x.service\n[Service]\nExecStart=/bin/s\nPrivateTmp=yes\nFrobnicate=1\n")])
        #expect(outcome.warnings.map(\.location.line) == [2, 5, 6])
        #expect(outcome.warnings.allSatisfy { $0.location.file == "s.service" && $0.rule == ConvertRuleID.unmapped })
        #expect(outcome.warnings[1].message.hasPrefix("PrivateTmp=yes: "))
    }

    @Test func strictTurnsWarningsIntoARefusal() {
        let outcome = convert([("s.service", "[Service]\nExecStart=/bin/s\nPrivateTmp=yes\n")], strict: true)
        #expect(outcome.files.isEmpty)
        #expect(outcome.errors.map(\.location.line) == [3])
    }

    @Test func whatCannotBeRepresentedIsRefusedWithItsLine() {
        let noStart = convert([("n.service", "[Unit]\nDescription=x\n[Service]\nType=simple\n")])
        #expect(noStart.errors.map(\.location.line) == [4])
        #expect(noStart.errors.first?.rule == ConvertRuleID.refused)
        let twoStarts = convert([("t.service", "[Service]\nExecStart=/bin/a\nExecStart=/bin/b\n")])
        #expect(twoStarts.errors.map(\.location.line) == [3])
        let timer = convert([("t.timer", "[Timer]\nOnCalendar=daily\n")])
        #expect(timer.errors.first?.message.contains("only .service units") == true)
    }

    @Test func methodScriptCarriesWhatAnExecAttributeCannot() throws {
        let outcome = convert([("m.service", """
            [Service]
            EnvironmentFile=-/etc/default/m
            LimitNOFILE=1024:4096
            UMask=0027
            User=m
            ExecStartPre=-/bin/prepare
            ExecStart=/bin/m
            ExecReload=/bin/kill -HUP $MAINPID
            KillMode=process
            KillSignal=SIGINT
            """)])
        let script = try #require(outcome.file("methods/svc-m"))
        #expect(script.contains("if [ -r /etc/default/m ]; then set -a; . /etc/default/m; set +a; fi"))
        #expect(script.contains("ulimit -H -n 4096") && script.contains("ulimit -S -n 1024"))
        #expect(script.contains("umask 0027"))
        #expect(script.contains("/bin/prepare || true\n"))
        #expect(script.contains("exec /bin/m\n"))
        #expect(script.contains("SunOS) pkill -INT -o -c \"$2\" || true ;;"))
        #expect(script.contains("*) pkill -INT -o -g \"$2\" || true ;;"))
        #expect(script.contains("SunOS) MAINPID=$(pgrep -o -c \"$2\" || true) ;;"))
        #expect(script.contains("*) MAINPID=$(pgrep -o -g \"$2\" || true) ;;"))
        let xml = try #require(outcome.file("manifests/m.xml"))
        #expect(xml.contains(#"exec="/lib/svc/method/svc-m refresh %{restarter/contract}""#))
        #expect(xml.contains(#"privileges="basic,sys_resource""#))
    }

    @Test func outputIsDeterministic() {
        let unit = [("d.service", "[Unit]\nAfter=a.target b.target\n[Service]\nExecStart=/bin/d\n")]
        #expect(convert(unit).files == convert(unit).files)
    }
}

/// More rows of the table: relations, capabilities, instances, host values.
@Suite struct MoreMappingTests {
    @Test func relationsBecomeGroupings() throws {
        let outcome = convert([
            ("a.service", "[Unit]\nConflicts=b.service\nBefore=c.service\nDefaultDependencies=no\n[Service]\nExecStart=/bin/a\n"),
            ("b.service", "[Service]\nExecStart=/bin/b\n"),
            ("c.service", "[Unit]\nBindsTo=b.service\n[Service]\nExecStart=/bin/c\n"),
        ])
        #expect(outcome.warnings.isEmpty, "\(outcome.warnings)")
        let a = try #require(outcome.file("manifests/a.xml"))
        #expect(a.contains(#"<dependency name="b" grouping="exclude_all" restart_on="none" type="service">"#))
        #expect(a.contains(#"<dependent name="a_c" grouping="optional_all" restart_on="none">"#))
        #expect(!a.contains("svc:/system/filesystem/local"), "DefaultDependencies=no adds nothing")
        let c = try #require(outcome.file("manifests/c.xml"))
        #expect(c.contains(#"<dependency name="b" grouping="require_all" restart_on="restart" type="service">"#))
        #expect(c.contains(#"<service_fmri value="svc:/system/filesystem/local"/>"#), "basic.target by default")
    }

    @Test func capabilityBoundingSetIsLimitPrivileges() throws {
        let outcome = convert([("k.service", "[Service]\nExecStart=/bin/k\nCapabilityBoundingSet=~CAP_SYS_ADMIN CAP_SYS_BOOT\n")])
        #expect(try #require(outcome.file("manifests/k.xml")).contains(#"user="root" limit_privileges="all,!sys_admin,!sys_config""#))
        let unknown = convert([("u.service", "[Service]\nExecStart=/bin/u\nAmbientCapabilities=CAP_BPF\n")])
        #expect(unknown.warnings.map(\.location.line) == [3])
    }

    @Test func defaultInstanceIsEnabledWithWantedBy() throws {
        let outcome = convert([("t@.service", "[Service]\nExecStart=/bin/t %i\n[Install]\nWantedBy=multi-user.target\nDefaultInstance=one\n")],
                              options: ConversionOptions(instances: ["two"]))
        let xml = try #require(outcome.file("manifests/t.xml"))
        #expect(xml.contains(#"<instance name="two" enabled="false">"#))
        #expect(xml.contains(#"<instance name="one" enabled="true">"#))
    }

    @Test func hostValuesGoThroughTheScript() throws {
        let outcome = convert([("h@.service", "[Service]\nEnvironment=NAME=%H PLAIN=x\nExecStartPre=/bin/prep %i\nExecStart=/bin/h\n")],
                              options: ConversionOptions(instances: ["main"]))
        let script = try #require(outcome.file("methods/svc-h"))
        #expect(script.contains("NAME=\"$(uname -n)\"\n    export NAME\n"))
        #expect(script.contains("/bin/prep \"${SMF_FMRI##*:}\"\n"))
        #expect(try #require(outcome.file("manifests/h.xml")).contains(#"<envvar name="PLAIN" value="x"/>"#))
    }

    @Test func startPostOfAForegroundDaemonAndArgv0AreWarnings() {
        let outcome = convert([("p.service", "[Service]\nExecStart=@/bin/p pname\nExecStartPost=/bin/after\n")])
        #expect(outcome.warnings.map(\.location.line) == [2, 3])
    }

    @Test func withoutWorkingDirectoryTheMethodsRunInTheRoot() throws {
        let outcome = convert([("w.service", "[Service]\nExecStart=/bin/w\n")])
        #expect(try #require(outcome.file("manifests/w.xml")).contains(#"<method_context working_directory="/"/>"#))
    }

    @Test func noExpansionPrefixQuotesDollars() throws {
        let outcome = convert([("n.service", "[Service]\nExecStart=:/bin/n $HOME\n")])
        #expect(try #require(outcome.file("manifests/n.xml")).contains(#"exec="/bin/n '$HOME'""#))
    }

    @Test func aDropInOverridesTheUnit() throws {
        let outcome = convert([
            ("d.service", "[Service]\nExecStart=/bin/d\nUser=a\n"),
            ("d.service.d/override.conf", "[Service]\nExecStart=\nExecStart=/bin/e\nUser=b\n"),
        ])
        let xml = try #require(outcome.file("manifests/d.xml"))
        #expect(xml.contains(#"exec="/bin/e""#) && xml.contains(#"user="b""#))
    }

    @Test func twoUnitsForOneServiceAreRefused() {
        let outcome = convert([("x.service", "[Service]\nExecStart=/bin/x\n"), ("x@.service", "[Service]\nExecStart=/bin/x %i\n")])
        #expect(outcome.errors.map(\.location.file) == ["x@.service"])
    }
}
