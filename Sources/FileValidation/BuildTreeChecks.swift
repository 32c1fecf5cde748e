import Foundation
import Diagnostics
import Tribblix

/// `file.arch-txt`: a Tribblix package's `arch.txt` names the architectures
/// it is built for (`i386`, `sparc`), one line, separated by spaces or commas.
enum ArchListCheck {
    static let rule = "file.arch-txt"
    static let summary = "arch.txt lists the architectures a package is built for: i386, sparc."

    static func check(_ text: String, path: String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var named = 0
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for arch in line.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" || $0 == "\r" }) {
                named += 1
                if !PkginfoArchCheck.architectures.contains(String(arch)) {
                    found.append(.error("'\(arch)' is not an illumos architecture; arch.txt lists i386 and/or sparc",
                                        rule: rule, at: SourceLocation(file: path, line: offset + 1, column: 1)))
                }
            }
        }
        if named == 0 {
            found.append(.error("arch.txt names no architecture; write i386", rule: rule,
                                at: SourceLocation(file: path, line: 1, column: 1)))
        }
        return found
    }
}

/// `file.build-require`: a Tribblix package's `build_require` lists, one a
/// line, the packages its build needs installed (`TRIBv-go-126`); each is a
/// valid SVR4 package name.
enum BuildRequireCheck {
    static let rule = "file.build-require"
    static let summary = "build_require lists package names, one a line."

    static func check(_ text: String, path: String) -> [Diagnostic] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { offset, line in
            let name = line.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, !name.hasPrefix("#"), let problem = PackageName.problem(with: name) else { return nil }
            return .error(problem + "; build_require lists one package a line", rule: rule,
                          at: SourceLocation(file: path, line: offset + 1, column: 1))
        }
    }
}
