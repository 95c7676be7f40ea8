import SiklusStore

/// The one-line greeting of the interactive shell.
public enum Banner {
    /// `siklus 0.1.0 · customers 2,000 · events 51,234 · spend 365 rows from datasets/demo · type help or .help`
    /// (kept short so it fits an 80-column terminal when nothing is loaded).
    public static func text(store: Store, dataDirectory: String?) -> String {
        var counts: [String] = []
        if store.isLoaded(.customers) { counts.append("customers \(NumberText.grouped(Int64(store.customers.rowCount)))") }
        if store.isLoaded(.events) { counts.append("events \(NumberText.grouped(Int64(store.events.count)))") }
        if store.isLoaded(.spend) { counts.append("spend \(NumberText.grouped(Int64(store.spend.count)))") }
        var loaded: String
        if counts.isEmpty {
            loaded = "no data loaded (use load or --data DIR)"
        } else {
            loaded = counts.joined(separator: " · ") + " rows"
            if let dataDirectory { loaded += " from \(dataDirectory)" }
        }
        return "siklus \(siklusVersion) · \(loaded) · type help or .help"
    }
}
