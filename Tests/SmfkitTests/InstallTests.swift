import Foundation
import TestSupport
import Testing

/// `make install PREFIX=…` and `make uninstall PREFIX=…` into a temporary
/// prefix: the binary runs, each command has a man page, the completions load
/// in their shells, and uninstall leaves the prefix as it was.
@Suite struct InstallTests {
    /// Every path under `root` with its kind, to compare before and after.
    static func snapshot(_ root: URL) -> [String] {
        let walker = FileManager.default.enumerator(atPath: root.path)
        return (walker?.allObjects as? [String] ?? []).sorted()
    }

    @Test(.enabled(if: SlowTests.enabled, Comment(rawValue: SlowTests.skipReason)))
    func installPutsBinaryManPagesAndCompletionsAndUninstallRemovesThem() throws {
        guard let make = findExecutable("make"), let man = findExecutable("man"), let bash = findExecutable("bash") else {
            #expect(!CI.isRunning, "make, man (man-db) and bash are needed")
            return
        }
        let prefix = FileManager.default.temporaryDirectory.appending(path: "smfkit-prefix-\(UUID().uuidString)")
        // Something of the user's already there, which uninstall must keep.
        try FileManager.default.createDirectory(at: prefix.appending(path: "bin"), withIntermediateDirectories: true)
        try "keep me\n".write(to: prefix.appending(path: "bin/other-tool"), atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: prefix) }
        let before = Self.snapshot(prefix)

        // Its own scratch directory: the test runner holds .build.
        let install = try runProcess(
            make, ["install", "PREFIX=\(prefix.path)", "SCRATCH=\(PackageRoot.path(".build-install"))"],
            directory: PackageRoot.url)
        try #require(install.status == 0, "\(install.stdout)\(install.stderr)")

        let installed = try runProcess(prefix.appending(path: "bin/smfkit"), ["--version"])
        #expect(installed.succeeded)
        #expect(installed.stdout == (try Smfkit.run(["--version"])).stdout)

        let pages = Set(Self.snapshot(prefix).filter { $0.hasPrefix("share/man/man1/") })
        for command in ["smfkit", "smfkit-validate", "smfkit-check", "smfkit-generate", "smfkit-init", "smfkit-plan"] {
            #expect(pages.contains("share/man/man1/\(command).1"), "\(pages)")
        }
        var manEnvironment = ProcessInfo.processInfo.environment
        manEnvironment["MANWIDTH"] = "80"
        let page = try runProcess(
            man, ["-M", prefix.appending(path: "share/man").path, "-P", "cat", "smfkit-validate"],
            environment: manEnvironment)
        #expect(page.succeeded, "\(page.stderr)")
        #expect(page.stdout.contains("smfkit validate"))
        #expect(page.stdout.contains("--format"))

        // bash: the completion offers the subcommands.
        let bashScript = prefix.appending(path: "share/bash-completion/completions/smfkit").path
        let completed = try runProcess(bash, ["-c", """
            source '\(bashScript)'
            COMP_WORDS=(smfkit va); COMP_CWORD=1; COMP_LINE='smfkit va'; COMP_POINT=9
            _smfkit
            printf '%s\\n' "${COMPREPLY[@]}"
            """])
        #expect(completed.succeeded, "\(completed.stderr)")
        #expect(completed.stdout.split(separator: "\n").contains("validate"), "\(completed.stdout)")
        // zsh and fish: the files parse in their shells, where installed.
        for (shell, file, check) in [("zsh", "share/zsh/site-functions/_smfkit", ["-n"]),
                                     ("fish", "share/fish/vendor_completions.d/smfkit.fish", ["--no-execute"])] {
            #expect(FileManager.default.fileExists(atPath: prefix.appending(path: file).path))
            guard let executable = findExecutable(shell) else {
                #expect(!CI.isRunning, "\(shell) is needed to check its completion file")
                continue
            }
            let parsed = try runProcess(executable, check + [prefix.appending(path: file).path])
            #expect(parsed.succeeded, "\(shell): \(parsed.stderr)")
        }

        let uninstall = try runProcess(make, ["uninstall", "PREFIX=\(prefix.path)"], directory: PackageRoot.url)
        #expect(uninstall.status == 0, "\(uninstall.stderr)")
        #expect(Self.snapshot(prefix) == before)
    }
}
