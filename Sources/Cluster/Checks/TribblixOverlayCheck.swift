import Diagnostics

/// `cluster.tribblix.overlay`: Tribblix ships an overlay for the PostgreSQL
/// version (`postgres<version>`), and every overlay the generated overlay
/// requires (`REQUIRES=`, from the stack's service templates), by the
/// embedded list (Templates/tribblix-overlays.txt); otherwise zap cannot
/// install it. Tribblix dropped PostgreSQL 16 in 2025 and ships the overlay
/// postgres17 alone (tribblix/tribblix-overlays). A warning (an error
/// with `check --strict`): a site may keep its own overlay repository.
struct TribblixOverlayCheck: DefinitionCheck {
    let rule = "cluster.tribblix.overlay"
    let services: [ServiceTemplate]

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        let definition = loaded.definition
        let context = TemplateContext(definition)
        let shipped = OverlayTakenCheck.shippedOverlays
        var required: [(overlay: String, template: ServiceTemplate)] = []
        for template in services {
            for overlay in template.overlays {
                guard let name = try? TextTemplate.render(overlay, context.base, name: template.origin),
                      !required.contains(where: { $0.overlay == name }) else { continue }
                required.append((name, template))
            }
        }
        let postgresOverlay = "postgres\(definition.postgres.version)"
        var found: [Diagnostic] = []
        // A version out of range is cluster.postgres.version's; binaries placed
        // explicitly (paths.postgres_bin) are the site's own, not Tribblix's.
        let fromTribblix = (10...99).contains(definition.postgres.version)
            && loaded.sourceMap.values["paths.postgres_bin"] == nil
        if fromTribblix, !shipped.contains(postgresOverlay) {
            let versions = shipped.filter { $0.hasPrefix("postgres") && Int($0.dropFirst("postgres".count)) != nil }.sorted()
            var message = "Tribblix ships no overlay '\(postgresOverlay)' (its PostgreSQL overlays: "
                + "\(versions.joined(separator: ", ")), by Templates/tribblix-overlays.txt), so zap cannot install "
                + "PostgreSQL \(definition.postgres.version) from Tribblix's repositories; use the version it ships, or "
                + "provide \(postgresOverlay) (and TRIBblix-\(postgresOverlay)) from your own"
            if required.contains(where: { $0.overlay == "patroni" }) {
                message += "; note that the patroni overlay installs Tribblix's own PostgreSQL whatever postgres.version says"
            }
            found.append(warning(message, at: loaded.sourceMap.location(of: "postgres.version")))
        }
        for entry in required where !shipped.contains(entry.overlay) && entry.overlay != postgresOverlay {
            found.append(warning(
                "the \(entry.template.kind) service needs the overlay '\(entry.overlay)', which Tribblix does not ship "
                    + "(Templates/tribblix-overlays.txt); provide it from your own overlay repository",
                at: loaded.sourceMap.location(of: "stack")))
        }
        return found
    }
}
