import SiklusLanguage

/// A warning when a pipeline runs with no table loaded: every count is then 0 and every rate empty, which
/// reads like an answer. DuckDB would refuse the missing table; Siklus answers (an empty store is valid
/// data, e.g. in a script that loads conditionally) but says why the answer is empty.
enum NoDataCheck {
    /// The warning, or nil when any table holds rows.
    static func warning(catalog: Catalog) -> Diagnostic? {
        guard !catalog.events.isLoaded, !catalog.customers.isLoaded, !catalog.spend.isLoaded else { return nil }
        return Diagnostic(MessageCatalog.text("guard.no_data"), at: nil, hints: [MessageCatalog.text("guard.no_data_hint")], severity: .warning)
    }
}
