/// The svccfg command whose verdict `smfkit validate --as` reproduces.
///
/// Each reads the file through `svccfg_xml.c: lxml_get_bundle_file` and then
/// differs in what it does with the bundle (`svccfg_engine.c`,
/// `svccfg_libscf.c`; see docs/svccfg-verdicts.md):
/// - `validate`: `lscf_validate_file` loads as `SVCCFG_OP_IMPORT`, runs
///   `tmpl_validate_bundle` and fails on anything but `TVS_SUCCESS`, template
///   warnings (`TVS_WARN`) included. It never talks to svc.configd, so the
///   names and types only the repository checks pass.
/// - `import`: `import_manifest_file` prints template errors with
///   `Warning: ` and goes on (`validate == 0`), then `lscf_bundle_import`
///   fails on what svc.configd refuses.
/// - `import-V`: as import, but a template error other than `TVS_WARN` ends
///   it: `if (validate && (vr != TVS_WARN)) … semerr("Import of %s failed")`.
/// - `apply`: `engine_apply` sets `SC_CMD_DONT_EXIT`, so `semerr` prints and
///   returns; a profile fails only when `lxml_get_bundle_file` (`SVCCFG_OP_APPLY`)
///   or `lscf_bundle_apply` returns an error, or `uu_die` exits.
public enum SvccfgCommand: String, CaseIterable, Hashable, Sendable {
    case validate
    case `import`
    case importStrict = "import-V"
    case apply

    /// The bundle type the command accepts (`lxml_get_bundle`: `document is
    /// not a manifest.` / `document is not a profile.`).
    public var bundleType: BundleType { self == .apply ? .profile : .manifest }
}

/// Which verdict `smfkit validate` gives: the union of what `svccfg
/// validate` and `svccfg import` refuse (the default: "imports and
/// validates"), or exactly one command's.
public enum ValidationMode: Hashable, Sendable {
    case union
    case command(SvccfgCommand)
}
