import Diagnostics

/// The one entry point `smfkit validate` calls: recognise a Tribblix
/// descriptor, lint it, list the rules.
public enum TribblixLint {
    /// Recognises a descriptor by its file name alone: `*.ovl`, `*.pkgs`,
    /// `*.repo`, `pkginfo`, `depend` / `depend.<arch>`, `prototype`, the build
    /// tree's `restart_fmri_list`, `alias[.<arch>]`, `passwd`, `group`,
    /// `user_attr`, and
    /// catalogs: `catalog` (what a repository serves) and the copies zap
    /// caches as `<repo>.catalog` / `<repo>.overlays`.
    public static func kind(ofPath path: String) -> DescriptorKind? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        switch name {
        case "pkginfo": return .pkginfo
        case "depend": return .depend
        case "prototype": return .prototype
        case "catalog": return .catalog
        case "restart_fmri_list": return .restartFMRIList
        case "alias": return .alias
        case "passwd": return .passwd
        case "group": return .group
        case "user_attr": return .userAttr
        default: break
        }
        // Per-architecture variants create_pkg prefers: depend.sparc, alias.i386.
        if name.hasPrefix("depend."), !name.dropFirst("depend.".count).isEmpty { return .depend }
        if name.hasPrefix("alias."), !name.dropFirst("alias.".count).isEmpty { return .alias }
        if name.hasSuffix(".ovl") { return .overlay }
        if name.hasSuffix(".pkgs") { return .overlayPackages }
        if name.hasSuffix(".repo") { return .repositoryDefinition }
        if name.hasSuffix(".catalog") || name.hasSuffix(".overlays") { return .catalog }
        return nil
    }

    /// Like `kind(ofPath:)`, then tells apart the three formats zap keeps in
    /// `.ovl` files by what they hold, as zap knows them by where they live:
    /// an overlay descriptor (`VERSION=`…), a repository definition
    /// (`/etc/zap/repositories/<name>.ovl`: `URL=` and no `VERSION=`), and
    /// `usr/share/zap/deprecated.ovl` (overlay ids, no `=` anywhere).
    public static func kind(ofPath path: String, contents: String) -> DescriptorKind? {
        guard let kind = kind(ofPath: path) else { return nil }
        guard kind == .overlay else { return kind }
        let lines = NumberedLine.split(contents)
        let hasVersion = lines.contains { $0.text.hasPrefix("VERSION=") }
        if !hasVersion && lines.contains(where: { $0.text.hasPrefix("URL=") }) { return .repositoryDefinition }
        if !lines.isEmpty && !lines.contains(where: { $0.text.contains("=") }) { return .overlayList }
        return .overlay
    }

    /// All problems in `text` read as `kind`, sorted for output. `path` is
    /// used in the diagnostics (and, for `.ovl`, gives the overlay id).
    public static func lint(text: String, path: String, kind: DescriptorKind) -> [Diagnostic] {
        let found: [Diagnostic]
        switch kind {
        case .overlay: found = RuleCatalog.overlay.lint(text: text, path: path)
        case .overlayPackages: found = RuleCatalog.overlayPackages.lint(text: text, path: path)
        case .overlayList: found = RuleCatalog.overlayList.lint(text: text, path: path)
        case .catalog: found = RuleCatalog.catalog.lint(text: text, path: path)
        case .repositoryDefinition: found = RuleCatalog.repositoryDefinition.lint(text: text, path: path)
        case .pkginfo: found = RuleCatalog.pkginfo.lint(text: text, path: path)
        case .depend: found = RuleCatalog.depend.lint(text: text, path: path)
        case .prototype: found = RuleCatalog.prototype.lint(text: text, path: path)
        case .restartFMRIList: found = RuleCatalog.restartFMRIList.lint(text: text, path: path)
        case .alias: found = RuleCatalog.alias.lint(text: text, path: path)
        case .passwd: found = RuleCatalog.passwd.lint(text: text, path: path)
        case .group: found = RuleCatalog.group.lint(text: text, path: path)
        case .userAttr: found = RuleCatalog.userAttr.lint(text: text, path: path)
        }
        return found.sortedForOutput()
    }

    /// Recognises `path` (by name and contents) and lints it; nil when it is
    /// not a Tribblix descriptor.
    public static func lint(text: String, path: String) -> [Diagnostic]? {
        kind(ofPath: path, contents: text).map { lint(text: text, path: path, kind: $0) }
    }

    /// Lints every file of a rendered tree that is a Tribblix descriptor,
    /// with paths prefixed by `root` (the verify stage of `generate`).
    public static func lint(_ tree: GeneratedTree, root: String = "") -> [Diagnostic] {
        let prefix = root.isEmpty || root.hasSuffix("/") ? root : root + "/"
        return tree.files.flatMap { lint(text: $0.contents, path: prefix + $0.path) ?? [] }.sortedForOutput()
    }

    /// Every rule, in a stable order, for `--list-rules`.
    public static var rules: [LintRuleDescription] {
        RuleCatalog.overlay.descriptions + RuleCatalog.overlayList.descriptions
            + RuleCatalog.overlayPackages.descriptions + RuleCatalog.catalog.descriptions
            + RuleCatalog.repositoryDefinition.descriptions + RuleCatalog.pkginfo.descriptions
            + RuleCatalog.depend.descriptions + RuleCatalog.prototype.descriptions
            + RuleCatalog.restartFMRIList.descriptions + RuleCatalog.alias.descriptions
            + RuleCatalog.passwd.descriptions + RuleCatalog.group.descriptions + RuleCatalog.userAttr.descriptions
    }
}

/// Which rules apply to which kind of file.
enum RuleCatalog {
    static let overlay = RuleSet<ParsedKeyValueFile>(
        kind: .overlay, parse: { ParsedKeyValueFile(text: $0, path: $1) },
        rules: [
            OverlayUnknownKeyRule(), OverlayRequiredKeyRule(), OverlayVersionIntegerRule(), OverlayRepeatedKeyRule(),
            OverlayEmptyValueRule(), OverlayRequiresIDRule(), OverlayRequiresSelfRule(), OverlayDuplicateValueRule(),
            OverlayServiceFMRIRule(), OverlayServiceInstanceRule(), OverlayFileNameRule(),
        ])

    static let overlayList = RuleSet<ParsedLineList>(
        kind: .overlayList, parse: { ParsedLineList(text: $0, path: $1) },
        rules: [OverlayListIDRule(), OverlayListDuplicateRule()])

    static let overlayPackages = RuleSet<ParsedLineList>(
        kind: .overlayPackages, parse: { ParsedLineList(text: $0, path: $1) },
        rules: [PackageListEmptyRule(), PackageListDuplicateRule(), PackageListNameRule(), PackageListBlankLineRule()])

    static let catalog = RuleSet<ParsedCatalog>(
        kind: .catalog, parse: { ParsedCatalog(text: $0, path: $1) },
        rules: [
            CatalogLineFormatRule(), CatalogNameRule(), CatalogVersionRule(), CatalogPackageFieldsRule(),
            CatalogDuplicateRule(), CatalogMixedRule(),
        ])

    static let repositoryDefinition = RuleSet<ParsedKeyValueFile>(
        kind: .repositoryDefinition, parse: { ParsedKeyValueFile(text: $0, path: $1) },
        rules: [RepositoryUnknownKeyRule(), RepositoryRequiredKeyRule(), RepositoryURLRule()])

    static let pkginfo = RuleSet<ParsedPackageInfo>(
        kind: .pkginfo, parse: { ParsedPackageInfo(text: $0, path: $1) },
        rules: [
            PackageInfoSyntaxRule(), PackageInfoParameterNameRule(), PackageInfoDuplicateRule(), PackageInfoRequiredRule(),
            PackageInfoPackageNameRule(), PackageInfoNameRule(), PackageInfoVersionRule(), PackageInfoArchRule(),
            PackageInfoCategoryRule(), PackageInfoBasedirRule(),
        ])

    static let depend = RuleSet<ParsedFieldFile>(
        kind: .depend, parse: { ParsedFieldFile(text: $0, path: $1) },
        rules: [DependLineTypeRule(), DependBlankLineRule(), DependPackageNameRule(), DependDuplicateRule(),
                DependKnownPackageRule()])

    static let prototype = RuleSet<ParsedPrototype>(
        kind: .prototype, parse: { ParsedPrototype(text: $0, path: $1) },
        rules: [
            PrototypeSyntaxRule(), PrototypeModeRule(), PrototypePkginfoRule(), PrototypeInstallFileRule(),
            PrototypeLinkRule(), PrototypeDuplicatePathRule(), PrototypeRelativePathRule(), PrototypeSystemDirectoryRule(),
        ])

    static let restartFMRIList = RuleSet<ParsedLineList>(
        kind: .restartFMRIList, parse: { ParsedLineList(text: $0, path: $1) },
        rules: [RestartListFMRIRule(), RestartListDuplicateRule()])

    static let alias = RuleSet<ParsedLineList>(
        kind: .alias, parse: { ParsedLineList(text: $0, path: $1) },
        rules: [AliasNameRule(), AliasDuplicateRule()])

    static let passwd = RuleSet<ParsedLineList>(
        kind: .passwd, parse: { ParsedLineList(text: $0, path: $1) },
        rules: [PasswdFieldsRule(), PasswdNameRule(), PasswdPasswordFieldRule(), PasswdIDsRule(), PasswdHomeRule(),
                PasswdDuplicateRule(), PasswdReservedIDRule(), PasswdOwnedAccountRule()])

    static let group = RuleSet<ParsedLineList>(
        kind: .group, parse: { ParsedLineList(text: $0, path: $1) },
        rules: [GroupFieldsRule(), GroupNameRule(), GroupIDRule(), GroupDuplicateRule(), GroupReservedIDRule(),
                GroupOwnedAccountRule()])

    static let userAttr = RuleSet<ParsedLineList>(
        kind: .userAttr, parse: { ParsedLineList(text: $0, path: $1) },
        rules: [UserAttrFieldsRule(), UserAttrAttributesRule()])
}
