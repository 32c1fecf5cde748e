import SMF
import Systemd

/// `Description=` and `Documentation=` as the service's template, which
/// `svcs -l` and `svccfg describe` show.
enum DocumentationMapping {
    static func template(of context: inout MappingContext) -> Template {
        let unit = context.unit
        var commonName = unit.name.description
        if let description = unit.setting("Unit", "Description") {
            let pieces = context.resolved(description)
            commonName = pieces.map { piece in
                switch piece {
                case .literal(let text): return text
                case .specifier(let specifier): return "%" + String(specifier.rawValue)
                }
            }.joined()
        }
        var items: [DocumentationItem] = []
        for assignment in unit.list("Unit", "Documentation") {
            for uri in WordSplitter.words(assignment.value) {
                items.append(item(for: uri))
            }
        }
        return Template(
            commonName: [LocalizedText(commonName)],
            description: [LocalizedText("Converted by smfkit from the systemd unit \(unit.name).")],
            documentation: items.isEmpty ? nil : items
        )
    }

    /// `man:page(section)` is a manpage; any other URI a doc_link.
    static func item(for uri: String) -> DocumentationItem {
        if uri.hasPrefix("man:"), uri.hasSuffix(")"), let open = uri.lastIndex(of: "(") {
            let title = String(uri[uri.index(uri.startIndex, offsetBy: 4)..<open])
            let section = String(uri[uri.index(after: open)..<uri.index(before: uri.endIndex)])
            if !title.isEmpty, !section.isEmpty {
                return .manpage(title: title, section: section, manpath: nil, location: nil)
            }
        }
        return .link(name: uri, uri: uri, location: nil)
    }
}
