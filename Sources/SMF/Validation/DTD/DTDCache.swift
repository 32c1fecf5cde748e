/// The parsed DTD variants of one DTD text, for one thread.
///
/// libxml2 writes into a DTD while validating (it compiles content models on
/// first use), so a parsed DTD must not be shared between threads. Each worker
/// of the validator owns one cache: the DTD is parsed once per thread and
/// variant, then reused for every file that thread validates.
final class DTDCache {
    let source: DTDSource
    private var parsed: [DTDVariant: Result<ParsedDTD, DTDParseFailure>] = [:]

    init(source: DTDSource) {
        self.source = source
    }

    func dtd(_ variant: DTDVariant) -> Result<ParsedDTD, DTDParseFailure> {
        if let cached = parsed[variant] { return cached }
        let result = ParsedDTD.parse(variant.apply(to: source.text))
        parsed[variant] = result
        return result
    }
}
