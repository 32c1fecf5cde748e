/// What one svccfg command does with a problem a rule finds.
public enum Verdict: String, Hashable, Sendable {
    /// The command fails (exit status 1).
    case error
    /// The command prints it and succeeds.
    case warning
    /// The command never looks; smfkit drops the finding in that mode.
    case notChecked = "-"
}

/// A rule's verdict under each svccfg command: data on each rule (its
/// `verdicts`), read by `ValidationMode.resolve` and `--list-rules`, never
/// special-cased in the command line.
///
/// The presets name where svccfg decides; a rule whose case is not one of
/// them spells its own out, citing the source in its doc comment.
public struct RuleVerdicts: Hashable, Sendable {
    public var validate: Verdict
    public var `import`: Verdict
    public var importStrict: Verdict
    public var apply: Verdict

    public init(validate: Verdict, import: Verdict, importStrict: Verdict, apply: Verdict) {
        self.validate = validate
        self.import = `import`
        self.importStrict = importStrict
        self.apply = apply
    }

    public subscript(command: SvccfgCommand) -> Verdict {
        switch command {
        case .validate: validate
        case .import: self.import
        case .importStrict: importStrict
        case .apply: apply
        }
    }

    /// `svccfg_xml.c` refuses it while loading, whatever the command:
    /// `uu_die` exits at once, or `semerr` returns -1 up to
    /// `lxml_get_bundle_file`, which fails `lscf_validate_file`,
    /// `import_manifest_file` and `apply_profile` alike (`engine_apply` then
    /// exits 1: "exit(1) appropriately if any profile failed").
    public static let loading = RuleVerdicts(validate: .error, import: .error, importStrict: .error, apply: .error)

    /// Refused while loading by `semerr` in a caller that discards the
    /// failure (`(void) lxml_get_pgroup(…)`, `(void) lxml_get_dependent(…)`,
    /// `(void) internal_attach_property(…)`). For a manifest `semerr` exits
    /// (`svccfg_main.c: semerr`, no `SC_CMD_DONT_EXIT`); under `svccfg
    /// apply`, which sets `SC_CMD_DONT_EXIT`, it only prints, and the profile
    /// is applied.
    public static let loadingPrintedByApply = RuleVerdicts(validate: .error, import: .error, importStrict: .error,
                                                           apply: .warning)

    /// Refused by svc.configd when `lscf_bundle_import` writes the bundle
    /// (`entity_pgroup_import`, `lscf_property_import`: `EINVAL`, "Import of
    /// %s failed"); `svccfg validate` never writes, so never sees it.
    /// `lscf_bundle_apply` maps the same `EINVAL` to `IMPORT_NEXT`
    /// (`_lscf_import_err`): printed, the profile still applies.
    public static let repository = RuleVerdicts(validate: .notChecked, import: .error, importStrict: .error,
                                                apply: .warning)

    /// A template violation (`tmpl_validate_bundle` returns
    /// `TVS_VALIDATION`): `lscf_validate_file` fails (`!= TVS_SUCCESS`),
    /// `import_manifest_file` prints it as `Warning: ` unless `-V`, and
    /// `svccfg apply` validates no templates.
    public static let template = RuleVerdicts(validate: .error, import: .warning, importStrict: .error,
                                              apply: .notChecked)

    /// A template warning (`TVS_WARN`): validate still fails; import, even
    /// with `-V`, only warns (`if (validate && (vr != TVS_WARN))`).
    public static let templateWarning = RuleVerdicts(validate: .error, import: .warning, importStrict: .warning,
                                                     apply: .notChecked)

    /// smfkit's own advice (what svc.startd will do at run time); svccfg
    /// stores the data unchecked.
    public static let lint = RuleVerdicts(validate: .warning, import: .warning, importStrict: .warning,
                                          apply: .warning)

    /// `validate=error import=warning …`, for `--list-rules`.
    public var listing: String {
        SvccfgCommand.allCases.map { "\($0.rawValue)=\(self[$0].rawValue)" }.joined(separator: " ")
    }
}
