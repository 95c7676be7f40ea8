import Foundation
import SiklusLanguage
import SiklusStore

/// Load reports in the current language. The store lays a report out and words it in English
/// (`LoadReport.Phrase.english`); here each phrase comes from the message catalogs (`load.report.` keys, the
/// English equal to the store's own, LoadReportLanguageTests), and the skipped rows' reasons and the notes,
/// values of the loader (`LoadReport.SkipReason`, `LoadReport.Note`), are worded by their own keys.
extension LoadReport {
    /// `render(includeTiming:)` worded in `Language.current`.
    public func localized(includeTiming: Bool = true) -> String {
        render(includeTiming: includeTiming) { Self.words($0) }
    }

    /// One phrase in the current language.
    static func words(_ phrase: Phrase) -> String {
        switch phrase {
        case .loaded(let table, let file, let rows, let customers):
            MessageCatalog.text("load.report.loaded", ["table": table, "file": file, "rows": String(rows), "customers": String(customers)])
        case .span(let from, let to): MessageCatalog.text("load.report.span", ["from": from, "to": to])
        case .timing(let seconds): MessageCatalog.text("load.report.timing", ["seconds": seconds])
        case .delimiterName(let name): MessageCatalog.templates(.current)["load.report.delimiter." + name] ?? name
        case .delimiter(let name): MessageCatalog.text("load.report.delimiter", ["name": name])
        case .column(let name, let type, let role):
            MessageCatalog.text("load.report.column", ["name": name, "type": type])
                + (role.map { MessageCatalog.text("load.report.role", ["role": $0]) } ?? "")
        case .skipped(let count, let reason, let lines):
            MessageCatalog.text("load.report.skipped", ["count": String(count), "reason": reason.text(in: .current), "lines": lines])
        case .note(let note): MessageCatalog.text("load.report.note", ["text": note.text(in: .current)])
        case .copy(let file, let table, let earlier, let verified, let path):
            MessageCatalog.text(verified ? "load.report.copy_verified" : "load.report.copy_sampled", ["file": file, "table": table, "earlier": earlier])
                + MessageCatalog.text(table == TableKind.customers.rawValue ? "load.report.would_change_nothing" : "load.report.would_count_twice")
                + MessageCatalog.text("load.report.load_anyway", ["table": table, "path": path])
        case .alreadyLoaded(let file, let table):
            MessageCatalog.text(table == TableKind.customers.rawValue ? "load.report.already_customers" : "load.report.already_rows",
                                ["file": file, "table": table])
        }
    }
}
