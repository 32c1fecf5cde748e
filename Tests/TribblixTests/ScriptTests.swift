import Foundation
import TestSupport
import Testing
@testable import Tribblix
import Output

/// The scripts a package carries, checked with the real shellcheck and run
/// with a real POSIX sh against a scratch root.
@Suite("Install and build scripts", .serialized)
struct ScriptTests {
    static let shellcheck = "/usr/bin/shellcheck"

    static func scripts() -> [GeneratedFile] {
        let package = SamplePackage.make()
        let install = package.pkgmkTree().files.filter { $0.path.hasPrefix("install/") && $0.path != "install/depend" }
        let hooks = package.buildTree().files.filter { $0.path.hasSuffix("/fixit") || $0.path.hasSuffix("/fixproto") }
        return install + hooks
    }

    @Test("shellcheck passes every script", arguments: ScriptTests.scripts().map(\.path))
    func shellcheckPasses(path: String) throws {
        let file = try #require(Self.scripts().first { $0.path == path })
        let result = try runProcess(URL(fileURLWithPath: Self.shellcheck), ["--shell=sh", "--severity=style", "--enable=all", "-"], input: file.contents)
        #expect(result.status == 0, "\(path):\n\(result.stdout)\(result.stderr)")
    }

    @Test("preinstall adds the accounts under BASEDIR once, however often it runs")
    func preinstallIsIdempotent() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let etc = root.appendingPathComponent("etc")
        try FileManager.default.createDirectory(at: etc, withIntermediateDirectories: true)
        for name in ["passwd", "group", "shadow", "user_attr"] {
            try "root:x:0:0:Super-User:/root:/usr/bin/bash\n".write(to: etc.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let script = root.appendingPathComponent("preinstall")
        let accounts = ServiceAccounts(
            users: [ServiceUser(name: "etcd", uid: 140, comment: "it's $HOME `x`", home: "/var/etcd")],
            groups: [ServiceGroup(name: "etcd", gid: 140)],
            userAttributes: [UserAttribute(user: "etcd", authorizations: ["tribblix.smf.manage.pgha-etcd"])])
        try InstallScript.addingAccounts(accounts).render().write(to: script, atomically: true, encoding: .utf8)
        for _ in 1...2 {
            let result = try runProcess(URL(fileURLWithPath: "/bin/sh"), [script.path], environment: ["BASEDIR": root.path, "PATH": "/usr/bin:/bin"])
            #expect(result.status == 0, "\(result.stderr)")
        }
        func read(_ name: String) throws -> String { try String(contentsOf: etc.appendingPathComponent(name), encoding: .utf8) }
        #expect(try read("passwd") == "root:x:0:0:Super-User:/root:/usr/bin/bash\netcd:x:140:140:it's $HOME `x`:/var/etcd:\n")
        #expect(try read("shadow").hasSuffix("\netcd:NP:::::::\n"))
        #expect(try read("group").hasSuffix("\netcd::140:\n"))
        #expect(try read("user_attr").hasSuffix("\netcd::::type=normal;auths=tribblix.smf.manage.pgha-etcd\n"))
    }

    @Test("postinstall restarts manifest-import only when BASEDIR is /")
    func postinstallOnlyOnLiveRoot() throws {
        let script = InstallScript.restarting(RestartFMRIList(), kind: .postinstall).render()
        // Into a zone root (pkgadd -R): nothing is restarted.
        let zone = try runProcess(URL(fileURLWithPath: "/bin/sh"), ["-x", "-c", script], environment: ["BASEDIR": "/zones/node1/root"])
        #expect(zone.status == 0)
        #expect(!zone.stderr.contains("svcadm"), "\(zone.stderr)")
        // On the running system: svcadm is called (absent on this host, which
        // sh reports; the script still ends with exit 0 as create_pkg's does).
        let live = try runProcess(URL(fileURLWithPath: "/bin/sh"), ["-x", "-c", script], environment: ["BASEDIR": "/"])
        #expect(live.status == 0)
        #expect(live.stderr.contains("+ /usr/sbin/svcadm restart svc:/system/manifest-import:default"), "\(live.stderr)")
    }

    @Test("fixit places manifests and method scripts from patches/, fixproto owns var/etcd")
    func buildHooksRun() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let buildRoot = root.appendingPathComponent("build"), proto = root.appendingPathComponent("proto")
        try write(SamplePackage.make().buildTree(), to: buildRoot)
        try FileManager.default.createDirectory(at: proto, withIntermediateDirectories: true)
        let fixit = try runProcess(URL(fileURLWithPath: "/bin/sh"), [buildRoot.appendingPathComponent("TRIBblix-pgha-etcd/fixit").path],
                            environment: ["BUILDROOT": buildRoot.path, "PATH": "/usr/bin:/bin"], directory: proto)
        #expect(fixit.status == 0, "\(fixit.stderr)")
        let method = proto.appendingPathComponent("opt/tribblix/pgha-etcd/bin/svc-pgha-etcd")
        #expect(try String(contentsOf: method, encoding: .utf8) == SamplePackage.method)
        let mode = try FileManager.default.attributesOfItem(atPath: method.path)[.posixPermissions] as? Int
        #expect(mode == 0o755)
        let manifest = proto.appendingPathComponent("var/svc/manifest/network/pgha-etcd.xml")
        #expect(try String(contentsOf: manifest, encoding: .utf8) == SamplePackage.manifest)
        #expect(FileManager.default.fileExists(atPath: proto.appendingPathComponent("var/etcd").path))

        let filtered = try runProcess(URL(fileURLWithPath: "/bin/sh"), [buildRoot.appendingPathComponent("TRIBblix-pgha-etcd/fixproto").path],
                               input: "d none var 0755 root sys\nd none var/etcd 0755 root bin\n")
        #expect(filtered.status == 0, "\(filtered.stderr)")
        #expect(filtered.stdout == "d none var 0755 root sys\nd none var/etcd 0750 etcd etcd\n")
    }
}
