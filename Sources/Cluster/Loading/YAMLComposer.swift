import CLibYAML

/// Why a document could not be composed. Each carries the position libyaml
/// (or the composer) stopped at; loading cannot go on past any of them.
struct YAMLCompositionError: Error, Sendable {
    enum Kind: Sendable {
        /// libyaml's reader, scanner or parser rejected the text.
        case syntax
        /// Aliases expand to more nodes than `YAMLLimits.maxExpandedNodes`.
        case aliasExpansion
        /// Collections nest deeper than `YAMLLimits.maxDepth`.
        case depth
    }

    var kind: Kind
    var message: String
    var line: Int
    var column: Int
    /// Where the construct libyaml was reading began (`while scanning a
    /// simple key started at …`), when it says.
    var context: (line: Int, column: Int)?
}

/// Bounds that keep hostile input (a "billion laughs" alias bomb, deep
/// nesting) from exhausting memory or time. A 1,000-node cluster definition
/// composes to about 5,000 nodes and nests 4 deep.
enum YAMLLimits {
    static let maxExpandedNodes = 200_000
    static let maxDepth = 64
}

/// Composes one YAML document into `YAMLNode`s straight from libyaml's event
/// stream (libyaml, through smfkit's own CLibYAML system library). Aliases are shared, not copied, and
/// every alias adds the full size of what it stands for to a running count,
/// so a document that would expand beyond the limit stops at the alias that
/// crosses it — in time and memory linear in the text.
struct YAMLComposer {
    /// Returns nil for an empty document (no content at all).
    static func compose(_ text: String) throws(YAMLCompositionError) -> YAMLNode? {
        var bytes = Array(text.utf8)
        if bytes.isEmpty { bytes = [0x0A] }  // libyaml wants a non-null pointer
        // The parser lives at a fixed address for as long as the events read it.
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        parser.initialize(to: yaml_parser_t())
        defer { parser.deinitialize(count: 1); parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else {
            throw YAMLCompositionError(kind: .syntax, message: "out of memory starting the YAML parser", line: 1, column: 1)
        }
        defer { yaml_parser_delete(parser) }
        let result: Result<YAMLNode?, YAMLCompositionError> = bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)
            var state = State(parser: parser)
            return Result { () throws(YAMLCompositionError) -> YAMLNode? in try state.document() }
        }
        return try result.get()
    }

    private struct State {
        let parser: UnsafeMutablePointer<yaml_parser_t>
        var anchors: [String: (node: YAMLNode, size: Int)] = [:]
        var expanded = 0

        init(parser: UnsafeMutablePointer<yaml_parser_t>) {
            self.parser = parser
        }

        mutating func document() throws(YAMLCompositionError) -> YAMLNode? {
            guard case .streamStart = try next().kind else { throw unexpected() }
            let first = try next()
            if case .streamEnd = first.kind { return nil }
            guard case .documentStart = first.kind else { throw unexpected() }
            let (root, _) = try node(from: try next(), depth: 0)
            guard case .documentEnd = try next().kind else { throw unexpected() }
            let after = try next()
            if case .documentStart = after.kind {
                throw YAMLCompositionError(
                    kind: .syntax,
                    message: "a cluster definition is one YAML document; remove the second one (and its '---')",
                    line: after.line, column: after.column)
            }
            return root
        }

        /// Composes the node that starts with `event`; returns it and its
        /// expanded size (nodes counted through aliases).
        mutating func node(from event: Event, depth: Int) throws(YAMLCompositionError) -> (YAMLNode, Int) {
            if depth > YAMLLimits.maxDepth {
                throw YAMLCompositionError(
                    kind: .depth, message: "the document nests deeper than \(YAMLLimits.maxDepth) levels",
                    line: event.line, column: event.column)
            }
            switch event.kind {
            case .alias(let name):
                guard let target = anchors[name] else {
                    throw YAMLCompositionError(
                        kind: .syntax, message: "alias '*\(name)' refers to no anchor defined before it",
                        line: event.line, column: event.column)
                }
                try count(target.size, at: event)
                var copy = target.node
                copy.line = event.line
                copy.column = event.column
                return (copy, target.size)
            case .scalar(let scalar, let anchor):
                try count(1, at: event)
                let node = YAMLNode(content: .scalar(scalar), line: event.line, column: event.column)
                remember(anchor, node, size: 1)
                return (node, 1)
            case .sequenceStart(let anchor):
                try count(1, at: event)
                var items: [YAMLNode] = []
                var size = 1
                while true {
                    let item = try next()
                    if case .sequenceEnd = item.kind { break }
                    let (child, childSize) = try node(from: item, depth: depth + 1)
                    items.append(child)
                    size += childSize
                }
                let node = YAMLNode(content: .sequence(items), line: event.line, column: event.column)
                remember(anchor, node, size: size)
                return (node, size)
            case .mappingStart(let anchor):
                try count(1, at: event)
                var pairs: [YAMLPair] = []
                var size = 1
                while true {
                    let keyEvent = try next()
                    if case .mappingEnd = keyEvent.kind { break }
                    let (key, keySize) = try node(from: keyEvent, depth: depth + 1)
                    let (value, valueSize) = try node(from: try next(), depth: depth + 1)
                    pairs.append(YAMLPair(key: key, value: value))
                    size += keySize + valueSize
                }
                // A block mapping's start mark is its first key; a flow one's is '{'.
                let node = YAMLNode(content: .mapping(pairs), line: event.line, column: event.column)
                remember(anchor, node, size: size)
                return (node, size)
            default:
                throw unexpected(event)
            }
        }

        mutating func count(_ nodes: Int, at event: Event) throws(YAMLCompositionError) {
            expanded += nodes
            if expanded > YAMLLimits.maxExpandedNodes {
                throw YAMLCompositionError(
                    kind: .aliasExpansion,
                    message: "the document expands to more than \(YAMLLimits.maxExpandedNodes) nodes "
                        + "(an alias bomb?); a cluster definition needs far fewer — remove the nested aliases",
                    line: event.line, column: event.column)
            }
        }

        mutating func remember(_ anchor: String?, _ node: YAMLNode, size: Int) {
            if let anchor { anchors[anchor] = (node, size) }
        }

        func unexpected(_ event: Event? = nil) -> YAMLCompositionError {
            YAMLCompositionError(kind: .syntax, message: "unexpected YAML event", line: event?.line ?? 1, column: event?.column ?? 1)
        }

        mutating func next() throws(YAMLCompositionError) -> Event {
            var raw = yaml_event_t()
            guard yaml_parser_parse(parser, &raw) == 1 else { throw syntaxError() }
            defer { yaml_event_delete(&raw) }
            return Event(raw)
        }

        func syntaxError() -> YAMLCompositionError {
            let p = parser.pointee
            let problem = p.problem.map { String(cString: $0) } ?? "malformed YAML"
            var message = problem
            if let context = p.context.map({ String(cString: $0) }) {
                message = "\(problem) \(context) started at line \(p.context_mark.line + 1), column \(p.context_mark.column + 1)"
            }
            if p.error == YAML_READER_ERROR {
                // The reader reports a byte offset, not a mark.
                return YAMLCompositionError(kind: .syntax, message: "\(problem) (byte offset \(p.problem_offset))", line: 1, column: 1)
            }
            var error = YAMLCompositionError(
                kind: .syntax, message: message,
                line: Int(p.problem_mark.line) + 1, column: Int(p.problem_mark.column) + 1)
            if p.context != nil { error.context = (Int(p.context_mark.line) + 1, Int(p.context_mark.column) + 1) }
            return error
        }
    }

    /// One libyaml event, copied out of C memory.
    struct Event {
        enum Kind {
            case streamStart, streamEnd, documentStart, documentEnd
            case alias(String)
            case scalar(YAMLScalar, anchor: String?)
            case sequenceStart(anchor: String?), sequenceEnd
            case mappingStart(anchor: String?), mappingEnd
        }

        var kind: Kind
        var line: Int
        var column: Int

        init(_ raw: yaml_event_t) {
            line = Int(raw.start_mark.line) + 1
            column = Int(raw.start_mark.column) + 1
            switch raw.type {
            case YAML_STREAM_START_EVENT: kind = .streamStart
            case YAML_DOCUMENT_START_EVENT: kind = .documentStart
            case YAML_DOCUMENT_END_EVENT: kind = .documentEnd
            case YAML_ALIAS_EVENT: kind = .alias(Self.string(raw.data.alias.anchor) ?? "")
            case YAML_SCALAR_EVENT:
                let data = raw.data.scalar
                let text = data.value.map {
                    String(decoding: UnsafeBufferPointer(start: $0, count: data.length), as: UTF8.self)
                } ?? ""
                let style: YAMLScalar.Style = switch data.style {
                case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
                case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
                case YAML_LITERAL_SCALAR_STYLE: .literal
                case YAML_FOLDED_SCALAR_STYLE: .folded
                default: .plain
                }
                let sourceLength = Int(raw.end_mark.index) - Int(raw.start_mark.index)
                let onOneLine = raw.end_mark.line == raw.start_mark.line
                let length = text.unicodeScalars.count
                var verbatim: (line: Int, column: Int)?
                switch style {
                case .plain where onOneLine && sourceLength == length:
                    verbatim = (line, column)
                case .singleQuoted where onOneLine && sourceLength == length + 2,
                     .doubleQuoted where onOneLine && sourceLength == length + 2:
                    verbatim = (line, column + 1)
                default:
                    verbatim = nil
                }
                let scalar = YAMLScalar(text: text, style: style, tag: Self.string(data.tag), verbatimStart: verbatim)
                kind = .scalar(scalar, anchor: Self.string(data.anchor))
            case YAML_SEQUENCE_START_EVENT: kind = .sequenceStart(anchor: Self.string(raw.data.sequence_start.anchor))
            case YAML_SEQUENCE_END_EVENT: kind = .sequenceEnd
            case YAML_MAPPING_START_EVENT: kind = .mappingStart(anchor: Self.string(raw.data.mapping_start.anchor))
            case YAML_MAPPING_END_EVENT: kind = .mappingEnd
            default: kind = .streamEnd
            }
        }

        private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            guard let pointer else { return nil }
            return String(cString: pointer)
        }
    }
}
