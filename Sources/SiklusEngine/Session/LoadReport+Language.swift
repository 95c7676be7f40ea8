import Foundation
import SiklusLanguage
import SiklusStore

/// Load reports in the current language. The store words them in English (`LoadReport.Phrase.english`)
/// and keeps no messages; here each phrase comes from the message catalogs (`load.report.` keys, the
/// English equal to the store's own, LoadReportLanguageTests), and the skipped rows' reasons and the
/// notes, built by the loader as English text, are recognised by pattern (`load.reason.`, `load.note.`).
/// A reason or note no pattern knows stays English: the report is never lost.
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
            MessageCatalog.text("load.report.skipped", ["count": String(count), "reason": LoadReportPatterns.reason(reason), "lines": lines])
        case .note(let text): MessageCatalog.text("load.report.note", ["text": LoadReportPatterns.note(text)])
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

/// The loader's English reasons and notes, recognised by pattern and worded from the catalogs.
enum LoadReportPatterns {
    private typealias Pattern = EnglishPhrasePattern

    private static let reasons = [
        Pattern(#"a quoted field opening here swallows following lines that look like rows \(a stray quote\?\)"#, "load.reason.swallows"),
        Pattern(#"expected (\d+) fields, found (\d+)"#, "load.reason.fields", ["expected", "found"]),
        Pattern("text after a closing quote", "load.reason.text_after_quote"),
        Pattern(#"(.+): a value longer than (\d+) bytes \(a stray quote, or binary data\?\)"#, "load.reason.too_long", ["column", "bytes"]),
        Pattern("(.+): expected (.+)", "load.reason.expected", ["column", "what"]),
        Pattern("empty customer id", "load.reason.empty_customer"),
    ]

    private static let notes = [
        Pattern("column (.+) is text: line (\\d+) has a value that is not (.+)", "load.note.column_is_text", ["column", "line", "what"]),
        Pattern("the file has a header but no data rows", "load.note.header_only"),
        Pattern("no amount column: amount = (.+) × (.+)", "load.note.amount_product", ["quantity", "price"]),
        Pattern("no event column: this is a transaction log, so every row is a purchase", "load.note.no_event_column"),
        Pattern(#"orders: no order column, so each purchase row is an order \(map order=Column when rows are line items\)"#, "load.note.rows_are_orders"),
        Pattern(#"orders: purchase rows with the same customer and (.+) are one order \(line items\): (\d+) orders and (\d+) returns? \((ids C \+ digits, or all rows negative|all rows negative); netted out of revenue\)(; counted over rows of the event purchase)?"#,
                "load.note.line_items", ["column", "orders", "returns", "rule", "event"]),
    ]

    /// The values the loader expects of a column (`LoadPlan`'s expectations) with a wording of their own.
    private static let expectations = ["a customer id", "text", "an integer", "a number", "a date like 20220914", "Unix seconds", "Unix milliseconds", "anything",
                                               "a date or time like 2022-09-14 or 2022-09-14 10:21:14"]

    /// `reason` in the current language, or as given when no pattern knows it.
    static func reason(_ reason: String) -> String { word(reason, reasons) }

    /// `note` in the current language, or as given when no pattern knows it.
    static func note(_ note: String) -> String { word(note, notes) }

    private static func word(_ text: String, _ patterns: [Pattern]) -> String {
        guard Language.current != .en else { return text }
        return patterns.lazy.compactMap { $0.word(text, value: argument) }.first ?? text
    }

    /// A captured value worded: expectations, the order rule and the purchase-event remark; others as found.
    private static func argument(_ name: String, _ value: String) -> String {
        switch name {
        case "what": expectation(value)
        case "rule": MessageCatalog.text(value.hasPrefix("ids") ? "load.note.rule_cancellations" : "load.note.rule_negative")
        case "event": value.isEmpty ? "" : MessageCatalog.text("load.note.line_items_event")
        default: value
        }
    }

    /// An expectation (`a number`) in the current language; a date pattern's own wording keeps its format.
    private static func expectation(_ text: String) -> String {
        if let index = expectations.firstIndex(of: text) { return MessageCatalog.text("load.expect." + String(index)) }
        if text.hasPrefix("a date or time in the format ") { return MessageCatalog.text("load.expect.pattern", ["format": String(text.dropFirst("a date or time in the format ".count))]) }
        return text
    }
}
