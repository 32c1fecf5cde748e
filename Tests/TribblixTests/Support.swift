import Foundation
import TestSupport
import Tribblix

/// A fresh directory under the system temp dir, removed by the caller.
func makeTemporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("tribblix-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Writes a generated tree below `root` (what the lead's write stage does).
func write(_ tree: GeneratedTree, to root: URL) throws {
    for directory in tree.directories {
        try FileManager.default.createDirectory(at: root.appendingPathComponent(directory.path), withIntermediateDirectories: true)
    }
    for file in tree.files {
        let url = root.appendingPathComponent(file.path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try file.contents.write(to: url, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: file.mode], ofItemAtPath: url.path)
    }
}

/// The package smfkit would generate for an etcd service, used across tests.
enum SamplePackage {
    static let manifest = "<?xml version=\"1.0\"?>\n<service_bundle type=\"manifest\" name=\"pgha-etcd\"/>\n"
    static let method = "#!/sbin/sh\n. /lib/svc/share/smf_include.sh\nexec /opt/tribblix/etcd/bin/etcd\n"

    static func make() -> TribblixPackage {
        TribblixPackage.smfServices(
            info: PackageInfo(pkg: "TRIBblix-pgha-etcd", name: "etcd SMF service for the pgha cluster",
                              version: PackageInfo.version(upstream: "1.0"), zapURL: "https://etcd.io/",
                              architectures: ["i386", "sparc"]),
            depend: DependFile(prerequisites: ["TRIBblix-etcd"]),
            aliases: ["pgha-etcd"],
            manifests: [PayloadFile.manifest(fileName: "pgha-etcd.xml", contents: manifest)],
            methodScripts: [PayloadFile.methodScript(application: "pgha-etcd", fileName: "svc-pgha-etcd", contents: method)],
            accounts: ServiceAccounts(
                users: [ServiceUser(name: "etcd", uid: 140, comment: "etcd", home: "/var/etcd")],
                groups: [ServiceGroup(name: "etcd", gid: 140)],
                userAttributes: [UserAttribute(user: "etcd", authorizations: ["tribblix.smf.manage.pgha-etcd"])]),
            directories: [PayloadDirectory(path: "var/etcd", mode: 0o750, owner: "etcd", group: "etcd")])
    }
}
