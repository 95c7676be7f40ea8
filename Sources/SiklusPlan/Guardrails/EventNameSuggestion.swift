import SiklusLanguage

/// The error for an event name the data does not hold where a step names an event (`cohort did`, funnel
/// steps and exclusions, `paths from/to`, retention `start`/`on`, `lifecycle on`): the same suggestion as
/// for a value that matches nothing in `where event = …` (issue 15; `ValueSuggestions`: edit distance,
/// prefixes, words such as `cart` → `add_to_cart`), and when nothing is close, the data's events listed.
enum EventNameSuggestion {
    /// "unknown <what> `<word>`" at `span`, with the nearest of `candidates` (events, and stages where a
    /// stage may be named) or the catalog's event names.
    static func unknown(_ what: String, _ word: String, at span: SourceSpan, among candidates: [String], catalog: Catalog) -> Diagnostic {
        var hints: [String] = []
        if let hint = ValueSuggestions.hint(for: word, among: candidates) {
            hints.append(hint)
        } else if let events = catalog.eventNames, !events.isEmpty {
            hints.append(MessageCatalog.text("guard.events_are", ["events": MessageCatalog.listing(events)]))
        }
        return Diagnostic(MessageCatalog.text("diag.unknown", ["what": MessageCatalog.noun(what), "word": word]), at: span, hints: hints)
    }
}
