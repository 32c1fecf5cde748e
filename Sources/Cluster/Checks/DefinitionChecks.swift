import Diagnostics

/// Every check of a loaded definition, run in one pass so a user sees all
/// problems at once.
public enum DefinitionChecks {
    public static func run(_ loaded: LoadedDefinition) -> [Diagnostic] {
        []
    }
}
