/// The sentences of a load report, apart from its layout: `LoadReport.render` asks for each one, so a
/// caller can word them in another language (SiklusEngine's `LoadReport.localized()` does, from the
/// message catalogs) while the store keeps no messages. `english` is the wording of `render()`.
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
        public var english: String {
            switch self {
            case .loaded(let table, let file, let rows, let customers): "loaded \(table) from \(file): \(rows) rows, \(customers) customers"
            case .span(let from, let to): ", \(from) .. \(to)"
            case .timing(let seconds): " in \(seconds) s"
            case .delimiterName(let name): name
            case .delimiter(let name): "delimiter: \(name)"
            case .column(let name, let type, let role): "column \(name)  \(type)" + (role.map { "  role \($0)" } ?? "")
            case .skipped(let count, let reason, let lines): "skipped \(count) rows: \(reason.description) (lines \(lines))"
            case .note(let note): "note: \(note.description)"
            case .copy(let file, let table, let earlier, let verified, let path):
                "skipped \(file): \(table) already hold "
                    + (verified ? "a byte-identical copy of this file" : "a file of the same size and sampled contents")
                    + " (loaded as \(earlier)\(verified ? "" : ", no longer there to compare in full")); "
                    + (table == TableKind.customers.rawValue ? "loading it would change nothing" : "loading it would count every row twice")
                    + ". To load it anyway: load \(table) \"\(path)\" append"
            case .alreadyLoaded(let file, let table):
                "skipped \(file): \(table) already hold this file, unchanged since it was loaded ("
                    + (table == TableKind.customers.rawValue ? "loading it again would change nothing" : "loading it again would count every row twice") + ")"
            }
        }
    }
}
