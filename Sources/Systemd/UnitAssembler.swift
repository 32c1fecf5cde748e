import Diagnostics
import Foundation

/// Puts unit files and drop-ins given on a command line together, as
/// systemd finds them: a `.conf` file belongs to the unit its directory is
/// named after (`name.service.d/`, or the template's `name@.service.d/`),
/// else to the unit named before it; drop-ins apply in file-name order.
public enum UnitAssembler {
    public static func assemble(_ sources: [(path: String, text: String)]) -> (units: [SystemdUnit], diagnostics: [Diagnostic]) {
        var units: [SystemdUnit] = []
        var dropIns: [Int: [UnitFile]] = [:]
        var diagnostics: [Diagnostic] = []
        var pending: [(path: String, file: UnitFile)] = []
        for source in sources {
            let (file, found) = UnitFileParser.parse(source.text, path: source.path)
            diagnostics += found
            if source.path.hasSuffix(".conf") {
                pending.append((source.path, file))
                continue
            }
            let base = (source.path as NSString).lastPathComponent
            guard let name = UnitName(base) else {
                diagnostics.append(.error("'\(base)' is not a unit name (name.service, name@.service, …)",
                                          rule: SystemdRuleID.syntax, at: SourceLocation(file: source.path)))
                continue
            }
            units.append(SystemdUnit(name: name, files: [file]))
            // A drop-in given before any unit waits for the unit it names.
            pending = pending.filter { dropIn in
                guard let index = owner(of: dropIn.path, in: units, fallback: nil) else { return true }
                dropIns[index, default: []].append(dropIn.file)
                return false
            }
        }
        for dropIn in pending {
            if let index = owner(of: dropIn.path, in: units, fallback: units.indices.last) {
                dropIns[index, default: []].append(dropIn.file)
            } else {
                diagnostics.append(.error("drop-in for no unit given on the command line; name its unit too",
                                          rule: SystemdRuleID.syntax, at: SourceLocation(file: dropIn.path)))
            }
        }
        for (index, files) in dropIns {
            units[index].files += files.sorted {
                ($0.path as NSString).lastPathComponent < ($1.path as NSString).lastPathComponent
            }
        }
        return (units, diagnostics)
    }

    /// The unit a drop-in's directory names; `fallback` when it names none.
    private static func owner(of path: String, in units: [SystemdUnit], fallback: Int?) -> Int? {
        let directory = ((path as NSString).deletingLastPathComponent as NSString).lastPathComponent
        guard directory.hasSuffix(".d") else { return fallback }
        let unitName = String(directory.dropLast(2))
        if let index = units.firstIndex(where: { $0.name.description == unitName }) { return index }
        if let name = UnitName(unitName), let template = name.templateName,
           let index = units.firstIndex(where: { $0.name.description == template }) {
            return index
        }
        return fallback
    }
}
