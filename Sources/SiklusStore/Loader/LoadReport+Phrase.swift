import SiklusMessages

/// The sentences of a load report, apart from its layout: `LoadReport.render` asks for each one, so a
/// caller words them in the language it knows (SiklusEngine's `LoadReport.localized()`, the session's);
/// `english`, the wording of `render()`, is the English catalog's.
extension LoadReport {
    public enum Phrase: Sendable, Equatable {
        /// `loaded events from events.csv: 19579 rows, 5000 customers`
        case loaded(table: String, file: String, rows: Int, customers: Int)
        /// `, 2022-01-01 .. 2023-12-31` after `loaded`
        case span(from: String, to: String)
        /// ` in 0.051 s` after `loaded`
        case timing(seconds: String)
        /// `comma`, `semicolon`, `tab`, `pipe`, `spaces`, or `0x1f`
        case delimiterName(String)
        /// `delimiter: comma`
        case delimiter(name: String)
        /// `column ts      time      role ts` (name and type already padded to their columns)
        case column(name: String, type: String, role: String?)
        /// `skipped 3 rows: ts: expected a date (lines 4, 9, …)`
        case skipped(count: Int, reason: SkipReason, lines: String)
        /// `note: …`
        case note(Note)
        /// The table already holds a copy of the file (`verified`: compared in full).
        case copy(file: String, table: String, earlier: String, verified: Bool, path: String)
        /// The table already holds this very file, unchanged.
        case alreadyLoaded(file: String, table: String)

        /// The phrase in English, as `render()` writes it.
        public var english: String { text(in: .en) }

        /// The phrase in `language`, from the catalogs' `load.report.` keys; the reasons and notes it
        /// carries are worded in the same language.
        public func text(in language: Language) -> String {
            func text(_ key: String, _ arguments: KeyValuePairs<String, String> = [:]) -> String {
                MessageCatalog.text(key, arguments, in: language)
            }
            let customers = TableKind.customers.rawValue
            switch self {
            case .loaded(let table, let file, let rows, let count):
                return text("load.report.loaded", ["table": table, "file": file, "rows": String(rows), "customers": String(count)])
            case .span(let from, let to): return text("load.report.span", ["from": from, "to": to])
            case .timing(let seconds): return text("load.report.timing", ["seconds": seconds])
            // A delimiter with no name of its own is its byte (`0x1f`) in every language.
            case .delimiterName(let name): return MessageCatalog.templates(language)["load.report.delimiter." + name] ?? name
            case .delimiter(let name): return text("load.report.delimiter", ["name": name])
            case .column(let name, let type, let role):
                return text("load.report.column", ["name": name, "type": type]) + (role.map { text("load.report.role", ["role": $0]) } ?? "")
            case .skipped(let count, let reason, let lines):
                return text("load.report.skipped", ["count": String(count), "reason": reason.text(in: language), "lines": lines])
            case .note(let note): return text("load.report.note", ["text": note.text(in: language)])
            case .copy(let file, let table, let earlier, let verified, let path):
                return text(verified ? "load.report.copy_verified" : "load.report.copy_sampled", ["file": file, "table": table, "earlier": earlier])
                    + text(table == customers ? "load.report.would_change_nothing" : "load.report.would_count_twice")
                    + text("load.report.load_anyway", ["table": table, "path": path])
            case .alreadyLoaded(let file, let table):
                return text(table == customers ? "load.report.already_customers" : "load.report.already_rows", ["file": file, "table": table])
            }
        }
    }
}
