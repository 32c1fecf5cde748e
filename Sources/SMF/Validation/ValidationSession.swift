import Foundation

/// Validates documents one after another on the calling thread, parsing the
/// DTD once for all of them: for callers that validate many small inputs in
/// a loop (the fuzz targets), where `Validator.validate(data:path:)` would
/// parse the DTD again each time. Not thread-safe: one thread owns it.
public final class ValidationSession {
    private let validator: Validator
    private let loader: DocumentLoader

    public init(validator: Validator) {
        self.validator = validator
        loader = DocumentLoader(dtd: DTDCache(source: validator.dtd))
    }

    public func validate(data: Data, path: String) -> Validator.FileReport {
        Validator.validate(data: data, path: path, loader: loader, rules: validator.rules, mode: validator.mode)
    }
}
