import Diagnostics
import Dispatch
import Foundation

/// `smfkit validate`: for each file, load → DOCTYPE and root checks → DTD
/// verdict → semantic rules → diagnostics.
///
/// Files are validated in parallel. Each worker thread parses the DTD once
/// (per variant) and reuses it for every file it takes; libxml2 state never
/// crosses threads.
public struct Validator: Sendable {
    public var dtd: DTDSource
    public var rules: [any BundleRule]
    /// Whose verdict to give: the union of svccfg validate and import, or
    /// one svccfg command's (`--as`).
    public var mode: ValidationMode
    /// Worker threads; defaults to the number of active processors.
    public var concurrency: Int

    public init(dtd: DTDSource, rules: [any BundleRule] = RuleRegistry.all, mode: ValidationMode = .union,
                concurrency: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.dtd = dtd
        self.rules = rules
        self.mode = mode
        self.concurrency = max(1, concurrency)
    }

    /// The outcome for one file.
    public struct FileReport: Sendable {
        public var path: String
        /// Every problem found, sorted for output. Errors decide validity;
        /// warnings are advice.
        public var diagnostics: [Diagnostic]
        /// The document, when the file could be read.
        public var document: SMFDocument?
        /// The DTD layer's verdict on its own (for profiles it does not
        /// decide validity; see `DTDVerdict`). nil when the file did not get
        /// that far.
        public var dtdVerdict: DTDVerdict?
        /// The file could not be read at all (missing, a directory, no
        /// permission): a usage problem rather than an invalid bundle.
        public var isUnreadable: Bool

        public var isValid: Bool { !isUnreadable && !diagnostics.hasErrors }
    }

    /// Problems with the DTD itself; checked before any file.
    public func checkDTD() -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for variant in DTDVariant.allCases {
            if case .failure(let failure) = ParsedDTD.parse(variant.apply(to: dtd.text)) {
                let first = failure.issues.first
                let message = "the DTD \(dtd.displayName) (\(variant.rawValue) variant) does not parse"
                    + (first.map { ": \($0.message)" } ?? "")
                let file = { if case .file(let path) = dtd.origin { return path } else { return dtd.displayName } }()
                problems.append(.error(message, rule: DocumentRuleID.dtdUnusable,
                                       at: SourceLocation(file: file, line: first?.line ?? 0)))
                break
            }
        }
        return problems
    }

    /// Validates every file; the reports come back in the order of `paths`.
    public func validate(paths: [String]) -> [FileReport] {
        let mode = mode
        return inParallel(count: paths.count) { index, loader, rules in
            Self.validateFile(paths[index], loader: loader, rules: rules, mode: mode)
        }
    }

    /// Validates bytes already in memory; `path` is only used in locations.
    public func validate(data: Data, path: String) -> FileReport {
        let loader = DocumentLoader(dtd: DTDCache(source: dtd))
        return Self.validate(data: data, path: path, loader: loader, rules: rules, mode: mode)
    }

    /// Validates many documents already in memory (what `generate`
    /// rendered), in parallel; reports in the order given.
    public func validate(documents: [(path: String, data: Data)]) -> [FileReport] {
        let mode = mode
        return inParallel(count: documents.count) { index, loader, rules in
            Self.validate(data: documents[index].data, path: documents[index].path, loader: loader, rules: rules,
                          mode: mode)
        }
    }

    /// Runs `work` for every index on `concurrency` threads, each with its
    /// own loader, so each thread parses the DTD once and libxml2 state
    /// never crosses threads.
    private func inParallel(
        count: Int, _ work: @Sendable (Int, DocumentLoader, [any BundleRule]) -> FileReport
    ) -> [FileReport] {
        let results = ResultSlots<FileReport>(count: count)
        let next = Counter()
        let workers = min(concurrency, count)
        let source = dtd
        let rules = rules
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let loader = DocumentLoader(dtd: DTDCache(source: source))
            while let index = next.take(below: count) {
                results.set(index, work(index, loader, rules))
            }
        }
        return results.values()
    }

    private static func validateFile(_ path: String, loader: DocumentLoader, rules: [any BundleRule],
                                     mode: ValidationMode) -> FileReport {
        do {
            let data = try SMFDocument.readFile(path)
            return validate(data: data, path: path, loader: loader, rules: rules, mode: mode)
        } catch {
            return FileReport(path: path, diagnostics: [error.diagnostic], document: nil, dtdVerdict: nil,
                              isUnreadable: true)
        }
    }

    static func validate(data: Data, path: String, loader: DocumentLoader, rules: [any BundleRule],
                         mode: ValidationMode) -> FileReport
    {
        let outcome = loader.load(data: data, path: path, checkDTD: true)
        var diagnostics = outcome.document.problems
        if let verdict = outcome.dtdVerdict {
            switch verdict.variant {
            // A manifest (or archive) is validated whole, as svccfg
            // validate/import do.
            case .manifest: diagnostics += verdict.errors
            // svccfg apply never DTD-validates a whole profile: report what
            // the DTD finds as warnings; the semantic rules for apply decide.
            case .profile: diagnostics += outcome.profileFindings
            }
        }
        if let bundle = outcome.document.bundle {
            let context = RuleContext(path: path, document: outcome.document,
                                      operation: mode.operation(for: bundle.type), mode: mode)
            for rule in rules {
                diagnostics += rule.check(bundle, in: context)
            }
        }
        let resolved = FindingRefinement.refine(mode.resolve(diagnostics, rules: rules), source: data) {
            guard case .success(let dtd) = loader.dtd.dtd(.manifest) else { return nil }
            return dtd.enumeratedValues(element: $0, attribute: $1)
        }
        return FileReport(path: path, diagnostics: resolved,
                          document: outcome.document,
                          dtdVerdict: outcome.dtdVerdict, isUnreadable: false)
    }
}

/// Fixed slots filled from several threads, one writer per slot.
private final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    func values() -> [Value] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}

/// Hands out indices 0, 1, 2, … to worker threads.
private final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}
