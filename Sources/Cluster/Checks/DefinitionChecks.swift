import Diagnostics

/// Every check of a loaded definition, run in one pass so a user sees all
/// problems at once.
public enum DefinitionChecks {
    static let all: [any DefinitionCheck] = [
        NodeNameCheck(),
        DuplicateNodeNameCheck(),
        NodeAddressCheck(),
        DuplicateNodeAddressCheck(),
        BindAddressCheck(),
        KeeperIDCheck(),
        EtcdMemberCountCheck(),
        PortRangeCheck(),
        PortConflictCheck(),
        PositiveValueCheck(),
        PatroniTimingCheck(),
        PostgresVersionCheck(),
        UserNameCheck(),
        UserIDCheck(),
        UnsafeCharacterCheck(),
        AbsolutePathCheck(),
        PathShapeCheck(),
        PackageNameCheck(),
        PackageVersionCheck(),
        OverlayNameCheck(),
        OverlayTakenCheck(),
    ]

    /// The ids of every check, for documentation and tests.
    public static var rules: [String] { all.map(\.rule) }

    public static func run(_ loaded: LoadedDefinition) -> [Diagnostic] {
        all.flatMap { $0.diagnostics(for: loaded) }.sortedForOutput()
    }
}
