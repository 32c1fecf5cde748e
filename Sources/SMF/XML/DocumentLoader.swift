internal import CLibXML2
import Diagnostics
import Foundation

/// Reads one file into an `SMFDocument` and, on request, its DTD verdict.
/// One loader per thread: it holds that thread's parsed DTDs.
final class DocumentLoader {
    struct Outcome {
        var document: SMFDocument
        /// nil when the DTD was not checked (not asked, or the document did
        /// not get that far: not well-formed, or not a service bundle).
        var dtdVerdict: DTDVerdict?
        /// For profiles: the DTD findings on the profile as `svccfg apply`
        /// would see it (see `profileFindings`).
        var profileFindings: [Diagnostic] = []
    }

    let dtd: DTDCache

    init(dtd: DTDCache) {
        self.dtd = dtd
    }

    func load(data: Data, path: String, checkDTD: Bool) -> Outcome {
        var document = SMFDocument(path: path)
        guard !data.isEmpty else {
            document.problems.append(
                .error("document is empty: the file has no XML content", rule: DocumentRuleID.wellFormed,
                       at: SourceLocation(file: path, line: 1)))
            return Outcome(document: document)
        }
        guard let parsed = ParsedXML.parse(data) else {
            document.problems.append(
                .error("cannot parse: the file is too large for libxml2 or memory ran out",
                       rule: DocumentRuleID.wellFormed, at: SourceLocation(file: path)))
            return Outcome(document: document)
        }
        guard let xmlDocument = parsed.document else {
            document.problems = nulByteProblem(in: data, path: path)
                ?? wellFormednessDiagnostics(parsed.collector.issues, path: path)
            return Outcome(document: document)
        }

        document.problems += undefinedEntityProblems(parsed.collector.issues, path: path)
        document.doctype = doctype(of: xmlDocument)
        document.leadingComments = leadingComments(of: xmlDocument)
        document.problems += doctypeProblems(document.doctype, data: data, path: path)

        guard let rootNode = xmlDocGetRootElement(xmlDocument) else {
            document.problems.append(
                .error("document is empty: it has no root element", rule: DocumentRuleID.root,
                       at: SourceLocation(file: path, line: 1)))
            return Outcome(document: document)
        }
        let rootName = String(cString: rootNode.pointee.name)
        let isBundle = rootName == "service_bundle" && rootNode.pointee.ns == nil
        let variant = DTDVariant(bundleType: isBundle ? attribute("type", of: rootNode) : nil)
        let parsedDTD = try? dtd.dtd(variant).get()

        // The tree is built first: building it expands the entity
        // references against the document's budget, and a document over it
        // goes no further (the DTD check would expand them again).
        let expansion = EntityExpansion(document: xmlDocument, inputSize: data.count)
        let builder = TreeBuilder(file: path, document: xmlDocument, defaults: parsedDTD?.attributeDefaults ?? [:],
                                  expansion: expansion)
        let root: XMLElementNode
        do {
            root = try builder.element(rootNode)
        } catch {
            document.problems.append(expansionRefusal(error, data: data, rootNode: rootNode, path: path))
            return Outcome(document: document)
        }
        document.root = root

        var verdict: DTDVerdict?
        if checkDTD, isBundle, let parsedDTD {
            let issues = DTDValidator.validate(parsed, against: parsedDTD)
            verdict = DTDVerdict(variant: variant, errors: validityDiagnostics(issues, path: path, rule: DocumentRuleID.dtd))
        }
        guard isBundle else {
            document.problems.append(
                .error("document is not a service bundle: the root element is <\(root.name)>, "
                       + "svccfg expects <service_bundle>", rule: DocumentRuleID.root, at: root.location))
            return Outcome(document: document)
        }
        var bundle = BundleReader().bundle(from: root)
        bundle.leadingComments = document.leadingComments
        document.bundle = bundle

        var outcome = Outcome(document: document, dtdVerdict: verdict)
        if checkDTD, variant == .profile, let parsedDTD {
            outcome.profileFindings = profileFindings(parsed, rootNode: rootNode, dtd: parsedDTD, path: path)
        }
        return outcome
    }

    // MARK: Document-level checks (smf.md §4.2 items 2-5)

    private func wellFormednessDiagnostics(_ issues: [XMLIssue], path: String) -> [Diagnostic] {
        let errors = issues.filter(\.isError)
        guard !errors.isEmpty else {
            return [.error("not well-formed XML", rule: DocumentRuleID.wellFormed, at: SourceLocation(file: path))]
        }
        var seen = Set<String>()
        return errors.compactMap { issue in
            let key = "\(issue.line):\(issue.column):\(issue.message)"
            guard seen.insert(key).inserted else { return nil }
            return .error("not well-formed XML: \(issue.message)", rule: DocumentRuleID.wellFormed,
                          at: SourceLocation(file: path, line: issue.line, column: issue.column))
        }
    }

    /// libxml2 stops at a NUL byte with a message about whatever it was
    /// parsing; name the real problem and where it is. (UTF-16 and UCS-4
    /// files are full of NULs and parse fine; they are left to libxml2.)
    private func nulByteProblem(in data: Data, path: String) -> [Diagnostic]? {
        let head = Array(data.prefix(2))
        let looksWide = head == [0xFF, 0xFE] || head == [0xFE, 0xFF] || head.contains(0)
        guard !looksWide, let nul = data.firstIndex(of: 0) else { return nil }
        let (line, column) = position(of: nul, in: data)
        return [.error("not well-formed XML: NUL byte (0x00) in the file; XML text cannot contain one",
                       rule: DocumentRuleID.wellFormed, at: SourceLocation(file: path, line: line, column: column))]
    }

    /// A reference to an entity nobody declared. When the document also names
    /// an external parameter entity, libxml2 only warns (the declaration
    /// might be in the file it did not read); svccfg would read that file,
    /// we never do, so the reference cannot be expanded: an error.
    private func undefinedEntityProblems(_ issues: [XMLIssue], path: String) -> [Diagnostic] {
        issues.filter { $0.code == Int32(XML_WAR_UNDECLARED_ENTITY.rawValue) }.map {
            .error("\($0.message); smfkit never reads external entities, so it cannot be expanded",
                   rule: DocumentRuleID.entity, at: SourceLocation(file: path, line: $0.line, column: $0.column))
        }
    }

    private func expansionRefusal(_ refusal: EntityExpansion.Refusal, data: Data, rootNode: xmlNodePtr, path: String)
        -> Diagnostic
    {
        let location = referenceLocation(refusal, data: data, rootNode: rootNode, path: path)
        let message = switch refusal.reason {
        case .expansion(let size, let spent, let budget):
            "entity reference &\(refusal.entity); takes the document past smfkit's expansion limit: its "
                + "\(size) bytes on top of the \(spent) bytes earlier references expanded to exceed \(budget) "
                + "bytes (\(EntityExpansion.allowance) + \(EntityExpansion.factor) × the file's size); every "
                + "reference is expanded in full, so reference large entities fewer times"
        case .attributePieces(let attribute, let pieces):
            "attribute '\(attribute)' is made of \(pieces) pieces of text and entity references (the last "
                + "reference here); checking values like it would take time growing with the square of their "
                + "size, past smfkit's limit for one document; write the value with fewer references"
        }
        return .error(message, rule: DocumentRuleID.entityExpansion, at: location)
    }

    /// Where the refused reference is: libxml2 keeps no position for a
    /// reference, so count the textual `&name;` from the root element on.
    private func referenceLocation(_ refusal: EntityExpansion.Refusal, data: Data, rootNode: xmlNodePtr,
                                   path: String) -> SourceLocation
    {
        let rootLine = max(Int(xmlGetLineNo(rootNode)), 1)
        let needle = Array("&\(refusal.entity);".utf8)
        var line = 1
        var index = data.startIndex
        while line < rootLine, let newline = data[index...].firstIndex(of: UInt8(ascii: "\n")) {
            line += 1
            index = newline + 1
        }
        var seen = 0
        while let found = data[index...].firstRange(of: needle) {
            if seen == refusal.ordinal {
                let (line, column) = position(of: found.lowerBound, in: data)
                return SourceLocation(file: path, line: line, column: column)
            }
            seen += 1
            index = found.upperBound
        }
        return SourceLocation(file: path, line: max(refusal.elementLine, 1))
    }

    private func doctype(of document: xmlDocPtr) -> SMFDocument.Doctype? {
        guard let subset = document.pointee.intSubset else { return nil }
        return SMFDocument.Doctype(
            name: subset.pointee.name.map { String(cString: $0) } ?? "",
            publicID: subset.pointee.ExternalID.map { String(cString: $0) },
            systemID: subset.pointee.SystemID.map { String(cString: $0) },
            hasInternalSubset: subset.pointee.children != nil)
    }

    private func doctypeProblems(_ doctype: SMFDocument.Doctype?, data: Data, path: String) -> [Diagnostic] {
        let expected = "<!DOCTYPE service_bundle SYSTEM \"\(SMF.dtdSystemID)\">"
        guard let doctype else {
            return [.error("document has no DOCTYPE; svccfg requires \(expected)", rule: DocumentRuleID.doctype,
                           at: SourceLocation(file: path, line: 1))]
        }
        guard doctype.systemID == SMF.dtdSystemID else {
            let found = doctype.systemID.map { "SYSTEM \"\($0)\"" } ?? "no SYSTEM id"
            return [.error("document DTD unknown; not service bundle? The DOCTYPE has \(found); "
                           + "svccfg requires \(expected)", rule: DocumentRuleID.doctype,
                           at: SourceLocation(file: path, line: doctypeLine(in: data)))]
        }
        return []
    }

    /// 1-based line and column (in bytes) of the byte at `index`.
    private func position(of index: Data.Index, in data: Data) -> (Int, Int) {
        var line = 1
        var lineStart = data.startIndex
        var cursor = data.startIndex
        while cursor < index {
            if data[cursor] == UInt8(ascii: "\n") {
                line += 1
                lineStart = cursor + 1
            }
            cursor += 1
        }
        return (line, index - lineStart + 1)
    }

    /// The line of `<!DOCTYPE`, for messages (libxml2 keeps none for it).
    private func doctypeLine(in data: Data) -> Int {
        let marker = Array("<!DOCTYPE".utf8)
        var line = 1
        var index = data.startIndex
        while index < data.endIndex {
            let byte = data[index]
            if byte == UInt8(ascii: "\n") {
                line += 1
            } else if byte == marker[0], data[index...].starts(with: marker) {
                return line
            }
            index += 1
        }
        return 1
    }

    private func leadingComments(of document: xmlDocPtr) -> [String] {
        var comments: [String] = []
        var node = document.pointee.children
        while let current = node, current.pointee.type != XML_ELEMENT_NODE {
            if current.pointee.type == XML_COMMENT_NODE, let content = current.pointee.content {
                comments.append(String(cString: content))
            }
            node = current.pointee.next
        }
        return comments
    }

    private func attribute(_ name: String, of node: xmlNodePtr) -> String? {
        guard let value = xmlGetNoNsProp(node, name) else { return nil }
        defer { smfkit_xml_free(value) }
        return String(cString: value)
    }

    // MARK: DTD

    private func validityDiagnostics(_ issues: [XMLIssue], path: String, rule: String,
                                     severity: Diagnostic.Severity = .error) -> [Diagnostic] {
        issues.map {
            Diagnostic(severity, $0.message, rule: rule, at: SourceLocation(file: path, line: $0.line))
        }
    }

    /// A profile checked the way `svccfg apply` checks it (smf.md §4.1).
    ///
    /// apply never runs the whole profile through the DTD, but it does
    /// validate some elements one by one, each with its subtree, against the
    /// DTD as the document loads it — the manifest variant
    /// (`lxml_validate_element` on `exec_method`, `dependency`, `dependent`,
    /// notification `type`, and the `stability` of a property group, method
    /// or dependency). A failure there is fatal to apply: those are errors
    /// (rule `smf.dtd.apply`).
    ///
    /// The rest of the DTD's findings are warnings (rule `smf.dtd.profile`),
    /// checked against the profile variant on the profile as apply sees it:
    /// apply first replaces each `xi:include` by the file it names, which we
    /// never open, so the includes (and the XInclude namespace declarations
    /// that serve them) are taken out first.
    private func profileFindings(_ parsed: ParsedXML, rootNode: xmlNodePtr, dtd: ParsedDTD, path: String)
        -> [Diagnostic]
    {
        var findings: [Diagnostic] = []
        if let manifestDTD = try? self.dtd.dtd(.manifest).get() {
            var seen = Set<String>()
            for element in elementsApplyValidates(under: rootNode) {
                let name = String(cString: element.pointee.name)
                for issue in DTDValidator.validateElement(element, of: parsed, against: manifestDTD) {
                    let finding = Diagnostic.error(
                        issue.message + " (svccfg apply validates each <\(name)> of a profile)",
                        rule: DocumentRuleID.dtdApply, at: SourceLocation(file: path, line: issue.line))
                    if seen.insert("\(issue.line):\(issue.message)").inserted { findings.append(finding) }
                }
            }
        }
        let reported = Set(findings.map { "\($0.location.line):\($0.message)" })

        removeXIncludes(under: rootNode, of: parsed)
        for issue in DTDValidator.validate(parsed, against: dtd) {
            let key = "\(issue.line):\(issue.message)"
            guard !reported.contains(where: { $0.hasPrefix(key) }) else { continue }
            findings.append(.warning(issue.message + " (svccfg apply does not DTD-validate profiles)",
                                     rule: DocumentRuleID.dtdProfile, at: SourceLocation(file: path, line: issue.line)))
        }
        return findings
    }

    /// The elements `svccfg apply` validates one by one, in document order.
    private func elementsApplyValidates(under node: xmlNodePtr) -> [xmlNodePtr] {
        var found: [xmlNodePtr] = []
        let parent = String(cString: node.pointee.name)
        var child = node.pointee.children
        while let current = child {
            child = current.pointee.next
            guard current.pointee.type == XML_ELEMENT_NODE, current.pointee.ns == nil else { continue }
            let name = String(cString: current.pointee.name)
            switch (parent, name) {
            case ("service", "exec_method"), ("service", "dependency"), ("service", "dependent"),
                 ("instance", "exec_method"), ("instance", "dependency"), ("instance", "dependent"),
                 ("notification_parameters", "type"),
                 ("property_group", "stability"), ("exec_method", "stability"), ("dependency", "stability"):
                found.append(current)
            default:
                break
            }
            found += elementsApplyValidates(under: current)
        }
        return found
    }

    private func removeXIncludes(under node: xmlNodePtr, of parsed: ParsedXML) {
        var namespace = node.pointee.nsDef
        var previous: xmlNsPtr?
        while let current = namespace {
            let next = current.pointee.next
            if let href = current.pointee.href, XInclude.namespaces.contains(String(cString: href)),
               !isUsed(current, under: node)
            {
                if let previous { previous.pointee.next = next } else { node.pointee.nsDef = next }
                current.pointee.next = nil
                // Freed with the document: libxml2 may still hold it.
                parsed.detachedNamespaces.append(current)
            } else {
                previous = current
            }
            namespace = next
        }
        var child = node.pointee.children
        while let current = child {
            child = current.pointee.next
            guard current.pointee.type == XML_ELEMENT_NODE else { continue }
            if isXInclude(current) {
                xmlUnlinkNode(current)
                xmlFreeNode(current)
            } else {
                removeXIncludes(under: current, of: parsed)
            }
        }
    }

    private func isXInclude(_ node: xmlNodePtr) -> Bool {
        guard String(cString: node.pointee.name) == "include", let href = node.pointee.ns?.pointee.href else {
            return false
        }
        return XInclude.namespaces.contains(String(cString: href))
    }

    /// Whether an element or attribute below `node` other than an
    /// `xi:include` (about to go) still uses `namespace`.
    private func isUsed(_ namespace: xmlNsPtr, under node: xmlNodePtr) -> Bool {
        if node.pointee.ns == namespace, !isXInclude(node) { return true }
        var attribute = node.pointee.properties
        while let current = attribute {
            if current.pointee.ns == namespace { return true }
            attribute = current.pointee.next
        }
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE, !isXInclude(current), isUsed(namespace, under: current) {
                return true
            }
            child = current.pointee.next
        }
        return false
    }
}
