import Diagnostics
import Tribblix

/// `cluster.tribblix.package`: every package the stack's daemons come from
/// (`packages:` of its service templates) is one Tribblix ships, by the
/// embedded package list (Sources/Tribblix/Data/tribblix-packages.txt,
/// kept current by Scripts/refresh-tribblix-packages); otherwise zap cannot
/// install it from Tribblix's repositories. Tribblix removed TRIBblix-stolon
/// in 2024 (tribblix/build, "Drop stolon, stale and unused"). A warning (an error
/// with `check --strict`): a site may publish the package itself, and
/// generate writes a build directory for it (packages/<PKG>/).
/// PostgreSQL's own package is left to `cluster.tribblix.overlay`, which
/// already reports a version Tribblix does not ship: one finding, once.
struct TribblixPackageCheck: DefinitionCheck {
    let rule = "cluster.tribblix.package"
    let services: [ServiceTemplate]

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        let context = TemplateContext(loaded.definition)
        let postgresPackage = "TRIBblix-postgres\(loaded.definition.postgres.version)"
        var reported: [String] = []
        var found: [Diagnostic] = []
        for template in services {
            for package in template.packages {
                guard let name = try? TextTemplate.render(package, context.base, name: template.origin),
                      name != postgresPackage, !reported.contains(name), !TribblixPackageList.ships(name)
                else { continue }
                reported.append(name)
                found.append(warning(
                    "the \(template.kind) service needs the package '\(name)', which is not in "
                        + "\(TribblixPackageList.source), so zap cannot install it from Tribblix's repositories; "
                        + "build it from packages/\(name)/ (which generate writes) and publish it in your own "
                        + "repository, or refresh the list if Tribblix ships it now",
                    at: loaded.sourceMap.location(of: "stack")))
            }
        }
        return found
    }
}
