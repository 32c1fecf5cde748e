import Diagnostics
import Foundation
import SMF
import Tribblix

/// Validates any file smfkit knows: a Tribblix package or overlay
/// descriptor (recognised by its name, then its contents) is linted by
/// Tribblix's rules; anything else is read as an SMF service bundle and
/// validated as svccfg would. `smfkit validate` and the verify stage of
/// `smfkit generate` both go through here, so they cannot disagree.
public struct FileValidator: Sendable {
    public var smf: Validator

    public init(smf: Validator) {
        self.smf = smf
    }

    /// The outcome for one file.
    public struct Report: Sendable {
        public var path: String
        public var diagnostics: [Diagnostic]
        /// The file could not be read at all: a usage problem (exit 2)
        /// rather than an invalid file.
        public var isUnreadable: Bool
        /// Why smfkit did not check the file's contents (a configuration
        /// file another tool checks, a file a directory walk skipped); nil
        /// when it did.
        public var note: String?

        public init(path: String, diagnostics: [Diagnostic], isUnreadable: Bool, note: String? = nil) {
            self.path = path
            self.diagnostics = diagnostics
            self.isUnreadable = isUnreadable
            self.note = note
        }

        public var isValid: Bool { !isUnreadable && !diagnostics.hasErrors }
    }

    /// Every file, SMF bundles in parallel; reports in the order of `paths`.
    public func validate(paths: [String]) -> [Report] {
        var reports = [Report?](repeating: nil, count: paths.count)
        var bundlePaths: [(index: Int, path: String)] = []
        for (index, path) in paths.enumerated() {
            switch FileKind.of(path: path) {
            case .tribblix: reports[index] = lintDescriptor(at: path)
            case .unknown: reports[index] = Self.unknownKind(path)
            case .smfBundle: bundlePaths.append((index, path))
            case .companion(let checker): reports[index] = Self.companion(path, checkedBy: checker)
            case .text(let kind): reports[index] = checkText(at: path, kind: kind)
            }
        }
        let bundleReports = smf.validate(paths: bundlePaths.map(\.path))
        for (slot, report) in zip(bundlePaths, bundleReports) {
            reports[slot.index] = Report(path: report.path, diagnostics: report.diagnostics,
                                         isUnreadable: report.isUnreadable)
        }
        return reports.compactMap { $0 }
    }

    /// `smfkit validate`'s inputs: files, and directories standing for every
    /// file under them (`DirectoryWalk`); what a walk passes over comes back
    /// as a report with only a note. Reports in walk order.
    public func validate(inputs: [String]) -> [Report] {
        let entries = DirectoryWalk.expand(inputs)
        var checked = validate(paths: entries.filter { $0.skipped == nil }.map(\.path)).makeIterator()
        return entries.compactMap { entry in
            guard let reason = entry.skipped else { return checked.next() }
            return Report(path: entry.path, diagnostics: [], isUnreadable: false, note: "skipped: \(reason)")
        }
    }

    /// Texts already in memory (what `generate` rendered), each named by
    /// its path; SMF bundles in parallel, reports in the order given.
    public func validate(texts: [(path: String, text: String)]) -> [Report] {
        var reports = [Report?](repeating: nil, count: texts.count)
        var bundles: [(index: Int, path: String, data: Data)] = []
        for (index, file) in texts.enumerated() {
            switch FileKind.of(path: file.path, text: file.text) {
            case .tribblix(let kind):
                reports[index] = Report(path: file.path, diagnostics: TribblixLint.lint(text: file.text, path: file.path, kind: kind),
                                        isUnreadable: false)
            case .unknown: reports[index] = Self.unknownKind(file.path)
            case .smfBundle: bundles.append((index, file.path, Data(file.text.utf8)))
            case .companion(let checker): reports[index] = Self.companion(file.path, checkedBy: checker)
            case .text(let kind): reports[index] = Self.check(text: file.text, path: file.path, kind: kind)
            }
        }
        let bundleReports = smf.validate(documents: bundles.map { ($0.path, $0.data) })
        for (slot, report) in zip(bundles, bundleReports) {
            reports[slot.index] = Report(path: report.path, diagnostics: report.diagnostics,
                                         isUnreadable: report.isUnreadable)
        }
        return reports.compactMap { $0 }
    }

    /// A script or a build-tree file, read whole and checked by its kind.
    private func checkText(at path: String, kind: TextFileKind) -> Report {
        guard let data = FileManager.default.contents(atPath: path) else { return Self.unreadable(path) }
        guard let text = String(data: data, encoding: .utf8) else {
            return Report(path: path, diagnostics: [.error("the file is not UTF-8 text", rule: Self.encodingRule,
                                                           at: SourceLocation(file: path, line: 1, column: 1))],
                          isUnreadable: false)
        }
        return Self.check(text: text, path: path, kind: kind)
    }

    private static func check(text: String, path: String, kind: TextFileKind) -> Report {
        let diagnostics = switch kind {
        case .script: ScriptCheck.check(text, path: path)
        case .pkginfoArch: PkginfoArchCheck.check(text, path: path)
        case .archList: ArchListCheck.check(text, path: path)
        case .buildRequire: BuildRequireCheck.check(text, path: path)
        }
        return Report(path: path, diagnostics: diagnostics, isUnreadable: false)
    }

    private static func unreadable(_ path: String) -> Report {
        Report(path: path,
               diagnostics: [.error("cannot read this file; check the path and its permissions",
                                    rule: DocumentRuleID.unreadable, at: SourceLocation(file: path))],
               isUnreadable: true)
    }

    private static func companion(_ path: String, checkedBy checker: String) -> Report {
        Report(path: path, diagnostics: [], isUnreadable: false,
               note: "not checked by smfkit; check it with \(checker)")
    }

    private func lintDescriptor(at path: String) -> Report {
        guard let data = FileManager.default.contents(atPath: path) else {
            return Report(
                path: path,
                diagnostics: [.error("cannot read this file; check the path and its permissions",
                                     rule: DocumentRuleID.unreadable, at: SourceLocation(file: path))],
                isUnreadable: true
            )
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return Report(
                path: path,
                diagnostics: [.error("the file is not UTF-8 text; Tribblix descriptors are plain ASCII",
                                     rule: Self.encodingRule, at: SourceLocation(file: path, line: 1, column: 1))],
                isUnreadable: false
            )
        }
        let kind = TribblixLint.kind(ofPath: path, contents: text) ?? .overlay
        return Report(path: path, diagnostics: TribblixLint.lint(text: text, path: path, kind: kind),
                      isUnreadable: false)
    }

    /// A descriptor that is not text cannot be linted line by line.
    public static let encodingRule = "tribblix.encoding"

    /// A file that is not XML and not a descriptor smfkit recognises.
    public static let unknownKindRule = "file.unknown-kind"

    private static func unknownKind(_ path: String) -> Report {
        Report(
            path: path,
            diagnostics: [.error(
                "this is neither an SMF manifest or profile (XML), a script, nor a Tribblix descriptor smfkit "
                    + "knows (.ovl, .pkgs, catalog, pkginfo, depend, prototype, …); leave it out",
                rule: unknownKindRule, at: SourceLocation(file: path, line: 1, column: 1))],
            isUnreadable: false)
    }

    /// `--list-rules`: one line a rule, its id, then for the SMF rules its
    /// verdict under each svccfg command (`validate=error import=warning
    /// import-V=error apply=-`, `-` for not checked), then its summary.
    public static var ruleListing: [String] {
        let verdicts = Dictionary(RuleCatalog.all.map { ($0.id, $0.verdicts) }, uniquingKeysWith: { first, _ in first })
        return rules.map { rule in
            [rule.id, verdicts[rule.id]?.listing, rule.summary].compactMap { $0 }.joined(separator: "  ")
        }
    }

    /// Every rule either side applies, for `--list-rules`: id and summary.
    public static var rules: [RuleDescription] {
        RuleCatalog.all.map { RuleDescription(id: $0.id, summary: $0.summary) }
            + [RuleDescription(id: encodingRule, summary: "A Tribblix descriptor must be UTF-8 (in practice ASCII) text."),
               RuleDescription(id: unknownKindRule,
                               summary: "A file that is neither SMF XML nor a known Tribblix descriptor is not validated."),
               RuleDescription(id: ScriptCheck.rule, summary: ScriptCheck.summary),
               RuleDescription(id: PkginfoArchCheck.rule, summary: PkginfoArchCheck.summary),
               RuleDescription(id: ArchListCheck.rule, summary: ArchListCheck.summary),
               RuleDescription(id: BuildRequireCheck.rule, summary: BuildRequireCheck.summary)]
            + TribblixLint.rules.map { RuleDescription(id: $0.id, summary: $0.summary) }
    }
}
