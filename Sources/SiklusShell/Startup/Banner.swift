import SiklusLanguage
import SiklusStore

/// The one-line greeting of the interactive shell.
public enum Banner {
    /// `siklus 0.1.0 · customers 2,000 · events 51,234 · spend 365 rows from datasets/demo · type help or .help`
    /// (kept short so it fits an 80-column terminal when nothing is loaded).
    public static func text(store: Store, dataDirectory: String?, language: Language = .en) -> String {
        Language.$current.withValue(language) { text(store: store, dataDirectory: dataDirectory) }
    }

    private static func text(store: Store, dataDirectory: String?) -> String {
        var counts: [String] = []
        if store.isLoaded(.customers) { counts.append("customers \(NumberText.grouped(Int64(store.customers.rowCount)))") }
        if store.isLoaded(.events) { counts.append("events \(NumberText.grouped(Int64(store.events.count)))") }
        if store.isLoaded(.spend) { counts.append("spend \(NumberText.grouped(Int64(store.spend.count)))") }
        var loaded: String
        if counts.isEmpty {
            loaded = MessageCatalog.text("banner.no_data")
        } else {
            loaded = MessageCatalog.text("banner.rows", ["counts": ReadingLocale(language: .current).localizing(number: counts.joined(separator: " · "))])
            if let dataDirectory { loaded += MessageCatalog.text("banner.from", ["path": dataDirectory]) }
        }
        return "siklus \(siklusVersion) · \(loaded) · " + MessageCatalog.text("banner.help")
    }
}
