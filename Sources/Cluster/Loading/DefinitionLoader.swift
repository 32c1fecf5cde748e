import Diagnostics
import Foundation

/// The file could not be read at all (missing, a directory, no permission):
/// a usage problem rather than a problem with a definition.
public struct DefinitionFileError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): error: cannot read the cluster definition: \(reason)" }
}

/// Loads a cluster definition from YAML: composes it (bounded, see
/// `YAMLLimits`), reads it against the format, keeps every value's position.
public enum DefinitionLoader {
    /// Larger files are refused before parsing. A 1,000-node definition is
    /// about 80 KiB.
    public static let maxBytes = 1 << 20

    public static func load(path: String) throws(DefinitionFileError) -> DefinitionLoad {
        try load(path: path, resolvingReferences: true)
    }

    /// `resolvingReferences`: whether an `etcd.definition` is read too
    /// (not for the referenced definition itself: a loop of references ends).
    static func load(path: String, resolvingReferences: Bool) throws(DefinitionFileError) -> DefinitionLoad {
        let data: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            if attributes[.type] as? FileAttributeType == .typeDirectory {
                throw DefinitionFileError(path: path, reason: "it is a directory")
            }
            let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
            if size > maxBytes { return tooLarge(file: path, size: size) }
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch let error as DefinitionFileError {
            throw error
        } catch {
            throw DefinitionFileError(path: path, reason: reason(for: error))
        }
        return load(data: data, file: path, resolvingReferences: resolvingReferences)
    }

    public static func load(data: Data, file: String) -> DefinitionLoad {
        load(data: data, file: file, resolvingReferences: true)
    }

    static func load(data: Data, file: String, resolvingReferences: Bool) -> DefinitionLoad {
        if data.count > maxBytes { return tooLarge(file: file, size: data.count) }
        guard let text = String(data: data, encoding: .utf8) else {
            let offset = firstInvalidUTF8Offset(data)
            let diagnostic = Diagnostic.error(
                "the file is not UTF-8 text (first bad byte at offset \(offset)); save it as UTF-8",
                rule: LoadingRule.encoding, at: SourceLocation(file: file, line: 1, column: 1))
            return DefinitionLoad(loaded: nil, diagnostics: [diagnostic])
        }
        return load(text: text, file: file, resolvingReferences: resolvingReferences)
    }

    /// Loads definition text; an `etcd.definition` in it is read relative
    /// to `file`'s directory.
    public static func load(text: String, file: String) -> DefinitionLoad {
        load(text: text, file: file, resolvingReferences: true)
    }

    static func load(text: String, file: String, resolvingReferences: Bool) -> DefinitionLoad {
        if text.utf8.count > maxBytes { return tooLarge(file: file, size: text.utf8.count) }
        let root: YAMLNode?
        do {
            root = try YAMLComposer.compose(text)
        } catch {
            let rule = switch error.kind {
            case .syntax: LoadingRule.syntax
            case .aliasExpansion: LoadingRule.aliasExpansion
            case .depth: LoadingRule.depth
            }
            var message = error.message
            var (line, column) = (error.line, error.column)
            if character(in: text, line: error.line, column: error.column) == "\t" {
                message += " (a tab: YAML indents with spaces only)"
            } else if error.kind == .syntax,
                      let explained = SyntaxHint.explain(problem: error.message, line: line, column: column,
                                                         context: error.context, in: text)
            {
                message = "\(explained.message) (YAML: \(error.message))"
                (line, column) = (explained.line, explained.column)
            }
            let diagnostic = Diagnostic.error(
                message, rule: rule, at: SourceLocation(file: file, line: line, column: column))
            return DefinitionLoad(loaded: nil, diagnostics: [diagnostic])
        }
        var decoder = DefinitionDecoder(file: file)
        var definition = decoder.decode(root)
        if var resolved = definition {
            EtcdReference.resolve(&resolved, file: file, resolvingReferences: resolvingReferences)
            definition = resolved
        }
        let read = definition.map { LoadedDefinition(definition: $0, sourceMap: decoder.sourceMap) }
        return DefinitionLoad(loaded: decoder.isComplete ? read : nil, diagnostics: decoder.diagnostics.sortedForOutput(),
                              partial: decoder.isComplete ? nil : read)
    }

    /// The character at a 1-based line and column (columns count Unicode
    /// scalars, as libyaml does).
    private static func character(in text: String, line: Int, column: Int) -> Unicode.Scalar? {
        var currentLine = 1
        var currentColumn = 1
        for scalar in text.unicodeScalars {
            if currentLine == line, currentColumn == column { return scalar }
            if currentLine > line { return nil }
            if scalar == "\n" {
                currentLine += 1
                currentColumn = 1
            } else {
                currentColumn += 1
            }
        }
        return nil
    }

    private static func tooLarge(file: String, size: Int) -> DefinitionLoad {
        let diagnostic = Diagnostic.error(
            "the file is \(size) bytes; a cluster definition may be at most \(maxBytes) bytes",
            rule: LoadingRule.tooLarge, at: SourceLocation(file: file, line: 1, column: 1))
        return DefinitionLoad(loaded: nil, diagnostics: [diagnostic])
    }

    private static func firstInvalidUTF8Offset(_ data: Data) -> Int {
        var iterator = data.makeIterator()
        var decoder = UTF8()
        var offset = 0
        var consumed = 0
        while true {
            // Offsets are counted by re-encoding what decoded cleanly.
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                consumed += UTF8.width(scalar)
                offset = consumed
            case .emptyInput:
                return offset
            case .error:
                return offset
            }
        }
    }

    private static func reason(for error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
           underlying.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(code.rawValue))
        }
        if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileReadNoSuchFileError
            || nsError.code == NSFileNoSuchFileError {
            return "no such file"
        }
        if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileReadNoPermissionError {
            return "permission denied"
        }
        return nsError.localizedDescription
    }
}
