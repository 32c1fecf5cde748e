import Testing

extension Trait where Self == ConditionTrait {
    /// A test of the external corpus: skipped with the reason where the corpus
    /// is absent, run (and failing through `Corpus.require()`) under CI.
    public static var needsCorpus: Self {
        .enabled(if: Corpus.shouldRun, Comment(rawValue: Corpus.missingReason))
    }
}
