import Diagnostics

/// Catalog lines are `name|version||` (overlay catalog, written by
/// create-overlay-catalog) or `name|version|deps|size|md5|` (package
/// catalog, create-catalog); zap splits them on `|` by position.
struct CatalogLineFormatRule: DescriptorRule {
    let id = "tribblix.catalog.line-format"
    let summary = "a catalog line must be name|version|| or name|version|deps|size|md5|"

    func check(_ catalog: ParsedCatalog) -> [Diagnostic] {
        catalog.lines.compactMap { line in
            switch line.shape {
            case .overlay:
                if line.fields[2].isEmpty && line.fields[3].isEmpty { return nil }
                return error("an overlay catalog line ends with two empty fields; write it as name|version||",
                             in: catalog.path, line: line.line.number, column: line.column(ofField: 2))
            case .package:
                if line.fields[5].isEmpty { return nil }
                return error("a package catalog line ends with '|'; write it as name|version|deps|size|md5|",
                             in: catalog.path, line: line.line.number, column: line.column(ofField: 5))
            case nil:
                return error("'\(line.line.text)' has \(line.fields.count) '|'-separated fields; an overlay catalog line is name|version|| and a package one name|version|deps|size|md5|",
                             in: catalog.path, line: line.line.number)
            }
        }
    }
}

/// The first field names an overlay (its id) or a package (SVR4 name).
struct CatalogNameRule: DescriptorRule {
    let id = "tribblix.catalog.name"
    let summary = "a catalog line must start with a valid overlay id or package name"

    func check(_ catalog: ParsedCatalog) -> [Diagnostic] {
        catalog.lines.compactMap { line in
            let problem: String?
            switch line.shape {
            case .overlay: problem = OverlayID.problem(with: line.fields[0])
            case .package: problem = PackageName.problem(with: line.fields[0])
            case nil: problem = nil
            }
            return problem.map { error("\($0); fix the name", in: catalog.path, line: line.line.number) }
        }
    }
}

/// The version field: an overlay's integer VERSION, or a package VERSION
/// (non-empty, no blanks, since it becomes part of `<PKG>.<VERSION>.zap`).
struct CatalogVersionRule: DescriptorRule {
    let id = "tribblix.catalog.version"
    let summary = "an overlay catalog version must be an integer; a package version non-empty without blanks"

    func check(_ catalog: ParsedCatalog) -> [Diagnostic] {
        catalog.lines.compactMap { line in
            guard let shape = line.shape else { return nil }
            let version = line.fields[1]
            let column = line.column(ofField: 1)
            switch shape {
            case .overlay where version.isEmpty || !version.allSatisfy({ $0.isASCII && $0.isNumber }):
                return error("overlay version '\(version)' is not an integer; copy the overlay's VERSION= value",
                             in: catalog.path, line: line.line.number, column: column)
            case .package where version.isEmpty || version.contains(where: { $0 == " " || $0 == "\t" }):
                return error("package version '\(version)' must be non-empty and without blanks; copy the pkginfo VERSION",
                             in: catalog.path, line: line.line.number, column: column)
            default:
                return nil
            }
        }
    }
}

/// A package line's size and md5 are what install-pkg checks the
/// downloaded zap against: decimal bytes and 32 hex digits.
struct CatalogPackageFieldsRule: DescriptorRule {
    let id = "tribblix.catalog.package-fields"
    let summary = "a package catalog line needs a decimal size and a 32-digit hex md5"

    func check(_ catalog: ParsedCatalog) -> [Diagnostic] {
        catalog.lines.flatMap { line -> [Diagnostic] in
            guard line.shape == .package else { return [] }
            var found: [Diagnostic] = []
            let size = line.fields[3]
            if size.isEmpty || !size.allSatisfy({ $0.isASCII && $0.isNumber }) {
                found.append(error("zap size '\(size)' is not a number of bytes; write the size of the .zap file",
                                   in: catalog.path, line: line.line.number, column: line.column(ofField: 3)))
            }
            let md5 = line.fields[4]
            if md5.count != 32 || !md5.allSatisfy({ $0.isHexDigit }) {
                found.append(error("md5 '\(md5)' is not 32 hex digits; write the .zap's md5 sum",
                                   in: catalog.path, line: line.line.number, column: line.column(ofField: 4)))
            }
            return found
        }
    }
}

/// One catalog, one entry per name: zap takes the first line it finds, so
/// a second one is dead or, worse, a stale version.
struct CatalogDuplicateRule: DescriptorRule {
    let id = "tribblix.catalog.duplicate"
    let summary = "a catalog must list each name once"

    func check(_ catalog: ParsedCatalog) -> [Diagnostic] {
        var seen = FirstOccurrence<String>()
        return catalog.lines.compactMap { line in
            guard line.shape != nil, let name = line.fields.first else { return nil }
            guard let first = seen.earlierLine(of: name, on: line.line.number) else { return nil }
            return error("'\(name)' is already listed on line \(first); keep one line per name",
                         in: catalog.path, line: line.line.number)
        }
    }
}

/// An overlay catalog and a package catalog are separate files
/// (`<URL>/catalog` of different repositories); mixing them means one
/// kind of line is misplaced.
struct CatalogMixedRule: DescriptorRule {
    let id = "tribblix.catalog.mixed"
    let summary = "a catalog must hold only overlay lines or only package lines"

    func check(_ catalog: ParsedCatalog) -> [Diagnostic] {
        guard let first = catalog.lines.first(where: { $0.shape != nil }), let firstShape = first.shape else { return [] }
        return catalog.lines.compactMap { line in
            guard let shape = line.shape, shape != firstShape else { return nil }
            let expected = firstShape == .overlay ? "overlay" : "package"
            return error("this line is a \(shape == .overlay ? "overlay" : "package") entry in a \(expected) catalog (line \(first.line.number)); move it to the other catalog",
                         in: catalog.path, line: line.line.number)
        }
    }
}
