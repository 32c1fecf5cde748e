/// A column of `svcs -o`, as illumos's svcs(1) names them: the ones a
/// restarter of manifests can fill. `svcs -H -o state FMRI` is how
/// deploy.sh's health checks read one instance's state.
public enum StatusColumn: String, CaseIterable, Sendable {
    case state, nstate, stime, ctid, fmri

    /// The default of `svcs` without `-o`.
    public static let defaults: [StatusColumn] = [.state, .stime, .fmri]

    /// The header svcs prints above it.
    var header: String { rawValue.uppercased() }

    /// svcs's field width; the last column is never padded.
    var width: Int {
        switch self {
        case .state, .nstate: 14
        case .stime: 8
        case .ctid: 7
        case .fmri: 0
        }
    }

    func value(of instance: InstanceStatus) -> String {
        switch self {
        case .state: instance.state.rawValue + (instance.nextState == nil ? "" : "*")
        case .nstate: instance.nextState?.rawValue ?? "-"
        case .stime: StatusFormatter.clock(instance.since)
        case .ctid: instance.contract.map(String.init) ?? "-"
        case .fmri: instance.fmri
        }
    }

    /// The columns of `-o LIST` (comma-separated, any case, as svcs takes
    /// them); throws naming the unknown one and the known ones.
    public static func parse(_ list: String) throws(UnknownColumn) -> [StatusColumn] {
        try list.split(separator: ",", omittingEmptySubsequences: false).map { name throws(UnknownColumn) in
            guard let column = StatusColumn(rawValue: name.lowercased()) else {
                throw UnknownColumn(name: String(name))
            }
            return column
        }
    }

    public struct UnknownColumn: Error, CustomStringConvertible {
        public var name: String
        public var description: String {
            "unknown column '\(name)' for -o; the columns are "
                + StatusColumn.allCases.map(\.rawValue).joined(separator: ", ")
        }
    }
}
