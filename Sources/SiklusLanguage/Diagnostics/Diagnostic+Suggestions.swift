extension Diagnostic {
    /// A "did you mean" hint for `word`, naming up to three of the closest `candidates`
    /// (`did you mean `cohort`?`, `did you mean `a` or `b`?`), or nil when none is close enough.
    public static func didYouMeanHint(for word: String, among candidates: [String]) -> String? {
        let close = suggestions(for: word, among: candidates).prefix(3).map { "`\($0)`" }
        switch close.count {
        case 0: return nil
        case 1: return MessageCatalog.text("diag.did_you_mean_one", ["first": close[0]])
        default: return MessageCatalog.text("diag.did_you_mean_many", ["list": close.dropLast().joined(separator: ", "), "last": close[close.count - 1]])
        }
    }

    /// This diagnostic with a "did you mean" hint for `word` appended, when a candidate is close enough.
    public func suggesting(_ word: String, among candidates: [String]) -> Diagnostic {
        var copy = self
        if let hint = Diagnostic.didYouMeanHint(for: word, among: candidates) { copy.hints.append(hint) }
        return copy
    }

    /// An "unknown <what> `<word>`" error at `span` with a "did you mean" hint from `candidates`; when no
    /// candidate is close, `fallbackHint` (if any) is given instead.
    ///
    ///     Diagnostic.unknown("metric", "avg_ordr", at: span, among: metricNames)
    ///     // error: unknown metric `avg_ordr`
    ///     //   help: did you mean `avg_order`?
    public static func unknown(_ what: String, _ word: String, at span: SourceSpan?, among candidates: [String],
                               fallbackHint: String? = nil) -> Diagnostic {
        let hint = didYouMeanHint(for: word, among: candidates) ?? fallbackHint
        return Diagnostic(MessageCatalog.text("diag.unknown", ["what": MessageCatalog.noun(what), "word": word]), at: span, hints: hint.map { [$0] } ?? [])
    }
}
