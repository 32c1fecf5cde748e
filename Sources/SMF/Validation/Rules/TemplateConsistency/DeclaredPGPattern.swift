import Diagnostics

/// A pg_pattern of a document's templates, with the entity declaring it.
struct DeclaredPGPattern {
    var entity: EntityReference
    var pattern: PGPattern

    /// svccfg checks template consistency per instance
    /// (`tmpl_consistency`), so a service without instances escapes it.
    var isValidatedPerInstance: Bool { !entity.service.effectiveInstances.isEmpty }
}

extension SemanticDocument {
    var declaredPGPatterns: [DeclaredPGPattern] {
        entities.flatMap { entity in
            (entity.entity.template?.pgPatterns ?? []).map { DeclaredPGPattern(entity: entity, pattern: $0) }
        }
    }
}

extension PGPattern {
    /// The property group svccfg stores the pattern in (`lxml_get_tm_pg_pattern`);
    /// the name wins over the type when both are set, which is why two
    /// patterns with one name and different types collide.
    var storageName: String {
        switch (name ?? "", type ?? "") {
        case ("", ""): "tm_pgpat_"
        case (let name, ""): "tm_pgpatn_\(name)"
        case ("", let type): "tm_pgpatt_\(type)"
        case (let name, _): "tm_pgpatnt_\(name)"
        }
    }

    /// The part of `storageName` after `tm_pgpat`, which prop_pattern group
    /// names embed (`tm_proppat_<suffix>_<name>`).
    var storageSuffix: String { String(storageName.dropFirst("tm_pgpat".count)) }
}
