import Diagnostics

/// Every check of a loaded definition, run in one pass so a user sees all
/// problems at once.
public enum DefinitionChecks {
    /// Every check; the port-conflict check counts the listeners the
    /// stack's service templates declare.
    static func all(services: [ServiceTemplate]) -> [any DefinitionCheck] { [
        NodeNameCheck(),
        DuplicateNodeNameCheck(),
        NodeAddressCheck(),
        DuplicateNodeAddressCheck(),
        BindAddressCheck(),
        KeeperIDCheck(),
        EtcdMemberCountCheck(),
        EtcdEndpointsCheck(),
        EtcdDefinitionCheck(),
        EtcdRootRoleCheck(),
        EtcdStateCheck(),
        NodeRoleCheck(),
        HostNameCheck(),
        HostSSHCheck(),
        NodeHostCheck(),
        HostFailureCheck(),
        PortRangeCheck(),
        PortConflictCheck(services: services),
        PositiveValueCheck(),
        DurationCheck(),
        PatroniTimingCheck(),
        EtcdTimingCheck(),
        HaproxyTimingCheck(),
        SynchronousModeCheck(),
        ReplicationPrimaryCheck(),
        PostgresVersionCheck(),
        TribblixOverlayCheck(services: services),
        TribblixPackageCheck(services: services),
        IgnoredSettingCheck(),
        UserNameCheck(),
        UserIDCheck(),
        UnsafeCharacterCheck(),
        AbsolutePathCheck(),
        PathShapeCheck(),
        StorageValueCheck(),
        ZoneRootDataCheck(),
        PackageNameCheck(),
        PackageVersionCheck(),
        OverlayNameCheck(),
        OverlayTakenCheck(),
        TLSDisabledCheck(),
        TLSKeyTypeCheck(),
        TLSValidityCheck(),
        TLSSubjectNameCheck(),
        TLSAddressCoverageCheck(),
        SharedCADirectoryCheck(),
        ClientNetworkCheck(),
        ValueSizeCheck(services: services),
    ] }

    /// The ids of every check, for documentation and tests.
    public static var rules: [String] { all(services: []).map(\.rule) }

    /// The check stage's rules over one definition; `templates` says which
    /// daemons the stack runs.
    public static func run(_ loaded: LoadedDefinition, templates: TemplateSet) -> [Diagnostic] {
        let services = templates.services(for: loaded.definition.stack)
        return all(services: services).flatMap { $0.diagnostics(for: loaded) }.sortedForOutput()
    }
}
