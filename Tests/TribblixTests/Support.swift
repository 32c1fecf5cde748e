import Foundation
import Tribblix

/// Runs a real tool (shellcheck, sh, awk) the way a user would.
struct ProcessResult {
    let status: Int32
    let output: String
    let errors: String
}

func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
         directory: URL? = nil, input: String? = nil) throws -> ProcessResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let environment { process.environment = environment }
    if let directory { process.currentDirectoryURL = directory }
    let output = Pipe(), errors = Pipe(), stdin = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = stdin
    try process.run()
    if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
    try stdin.fileHandleForWriting.close()
    let out = output.fileHandleForReading.readDataToEndOfFile()
    let err = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ProcessResult(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
                         errors: String(decoding: err, as: UTF8.self))
}

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
