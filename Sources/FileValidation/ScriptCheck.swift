import Diagnostics

/// `file.script.interpreter`: a script's `#!` line names its interpreter by
/// an absolute path, as exec(2) needs (`#!/bin/sh`); `#!sh` or a bare `#!`
/// makes the kernel refuse to run it. The rest of a script is shellcheck's
/// business, which the test suite runs on every script generate writes.
enum ScriptCheck {
    static let rule = "file.script.interpreter"
    static let summary = "A script's #! line names its interpreter by an absolute path."

    static func check(_ text: String, path: String) -> [Diagnostic] {
        let body = text.drop { " \t\r\n\u{FEFF}".contains($0) }
        guard body.hasPrefix("#!") else { return [] }
        let firstLine = body.prefix { $0 != "\n" }.dropFirst(2)
        let interpreter = firstLine.drop { $0 == " " || $0 == "\t" }.prefix { $0 != " " && $0 != "\t" }
        guard !interpreter.hasPrefix("/") else { return [] }
        let shown = interpreter.isEmpty ? "nothing" : "'\(interpreter)'"
        return [.error("the #! line names \(shown); name the interpreter by its absolute path, like #!/bin/sh",
                       rule: rule, at: SourceLocation(file: path, line: 1, column: 1))]
    }
}

/// `file.pkginfo-arch`: `pkginfo.arch` is one `ARCH="…"` line of
/// illumos architectures (`i386`, `sparc`, comma-separated), which
/// Tribblix's create_pkg puts into the package's pkginfo instead of
/// `ARCH="$(uname -p)"`.
enum PkginfoArchCheck {
    static let rule = "file.pkginfo-arch"
    static let summary = "pkginfo.arch is one ARCH=\"…\" line of i386 and/or sparc."
    static let architectures = ["i386", "sparc"]

    static func check(_ text: String, path: String) -> [Diagnostic] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .filter { !$0.element.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" } }
        guard !lines.isEmpty else {
            return [.error("pkginfo.arch is empty; write ARCH=\"i386,sparc\" for a package without binaries",
                           rule: rule, at: SourceLocation(file: path, line: 1, column: 1))]
        }
        var found: [Diagnostic] = []
        for (offset, line) in lines {
            let location = SourceLocation(file: path, line: offset + 1, column: 1)
            guard line.hasPrefix("ARCH=") else {
                found.append(.error("pkginfo.arch holds only ARCH=\"…\"; found '\(line.prefix(40))'",
                                    rule: rule, at: location))
                continue
            }
            var value = line.dropFirst("ARCH=".count)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = value.dropFirst().dropLast() }
            for arch in value.split(separator: ",", omittingEmptySubsequences: false)
            where !architectures.contains(String(arch)) {
                found.append(.error("'\(arch)' is not an illumos architecture; ARCH lists \(architectures.joined(separator: " and ")), comma-separated",
                                    rule: rule, at: location))
            }
        }
        if lines.count > 1 {
            found.append(.error("pkginfo.arch has \(lines.count) lines; create_pkg expects one ARCH= line",
                                rule: rule, at: SourceLocation(file: path, line: lines[1].offset + 1, column: 1)))
        }
        return found
    }
}
