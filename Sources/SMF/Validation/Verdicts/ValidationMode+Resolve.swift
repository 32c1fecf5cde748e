import Diagnostics

extension ValidationMode {
    /// The operation whose rules apply to a bundle of `bundleType`: under
    /// `--as`, the command's own (so a profile handed to `validate` is
    /// read as svccfg would read it, and refused as "not a manifest");
    /// otherwise the one the document's type asks for.
    func operation(for bundleType: String) -> RuleContext.Operation {
        switch self {
        case .union: bundleType == BundleType.profile.rawValue ? .applyProfile : .importManifest
        case .command(let command): command == .apply ? .applyProfile : .importManifest
        }
    }

    /// The diagnostics as this mode reports them: unchanged for the union;
    /// under one command, each takes its rule's verdict for that command —
    /// an error, a warning, or dropped when the command never checks it.
    /// `rules` are the rules that ran; an id neither they nor the document
    /// checks carry is kept as found.
    public func resolve(_ diagnostics: [Diagnostic], rules: [any BundleRule]) -> [Diagnostic] {
        guard case .command(let command) = self else { return diagnostics }
        let verdictsByID = RuleCatalog.verdictsByID(rules)
        return diagnostics.compactMap { found in
            guard let verdicts = verdictsByID[found.rule] else { return found }
            var resolved = found
            switch verdicts[command] {
            case .error: resolved.severity = .error
            case .warning: resolved.severity = .warning
            case .notChecked: return nil
            }
            return resolved
        }
    }
}
