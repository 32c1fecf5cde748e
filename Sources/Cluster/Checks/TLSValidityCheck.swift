import Diagnostics

/// `cluster.tls.validity`: the certificate script re-issues a certificate
/// that expires within `renew_days`; a validity no longer than that window
/// re-issues every certificate on every run, so no renewal is ever planned.
struct TLSValidityCheck: DefinitionCheck {
    let rule = "cluster.tls.validity"

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        let settings = loaded.definition.settings
        guard case .int(let validity) = settings["tls.validity_days"], case .int(let renew) = settings["tls.renew_days"],
              validity >= 1, renew >= 1, validity <= renew else { return [] }
        let map = loaded.sourceMap
        let blamed = map.values["tls.validity_days"] != nil || map.values["tls.renew_days"] == nil
            ? "tls.validity_days" : "tls.renew_days"
        return [error("certificates valid for \(validity) days fall inside the \(renew)-day renewal window, so every "
                          + "run of the certificate script would issue them anew; make validity_days longer than renew_days",
                      at: map.location(of: blamed))]
    }
}
