import Foundation
import SiklusLanguage
@testable import SiklusStore
import SiklusTestSupport
import XCTest

/// The loader's sentences are values (`LoadSentence`): every case has a key in both catalogs, the two
/// templates have the same placeholders, and the case gives exactly those arguments. A case's key is a
/// literal of the store's sources, so a case added without a sample here, or without catalog entries, fails.
final class LoadSentenceCatalogTests: XCTestCase {
    static let problems: [LoadError.Problem] = [
        .delimiter(byte: 10, problem: .lineBreak), .empty, .emptyGzip, .roleWithoutHeader(table: .events, role: .ts, count: 2),
        .roleInDataHeader(table: .events, role: .customer, header: ["1", "2"]), .roleMissing(table: .spend, role: .date, names: ["date", "day"]),
        .notNumbers(column: "a", role: .amount, type: .string), .typeClash(column: "a", type: .int, existing: .string, table: .customers),
        .integerDates(column: "ts", role: .ts), .notISODates(column: "ts", role: .ts, example: "x"), .nul(offset: 4), .longQuoted(lines: 2, bytes: 9),
        .carriageReturnsFromHere, .carriageReturnsInHeader, .unterminatedQuote, .headerUnterminatedQuote, .headerTextAfterQuote,
        .noSuchColumn(name: "b", role: .event), .noRole(table: .events, role: .date), .twoRoles(column: "c", first: .customer, second: .event),
        .columnNamesCount(names: 2, fields: 1), .gzipOutOfMemory(mebibytes: 64), .gzipStart(status: -2), .gzipTruncated,
        .gzipCorrupt(bytes: 10, reason: "zlib"), .gzipTrailing(bytes: 3), .gzipLongLine(mebibytes: 256), .binary(controls: 3, bytes: 20),
        .utf16(bigEndian: true), .utf16(bigEndian: false), .cannotOpen(.noSuchFile), .cannotRead(.errno(EIO)), .cannotMap(.errno(ENODEV)),
        .readOutOfMemory, .unsized(mebibytes: 64), .changed(truncated: false), .changed(truncated: true), .directory, .fifo, .socket, .device,
        .notRegular, .badRows(.emptyCustomer),
    ]

    static let helps: [LoadError.Help] = [
        .delimiter, .headerRow, .headerRowAndRecords, .nameColumns(role: .ts), .firstLineIsData(count: 3), .mapRole(header: ["a"], role: .ts),
        .headerHas(["a"]), .tableHas(["a"]), .renameColumn, .cutBeforeNul(offset: 3, file: "a.csv"), .cutBeforeNulSniffed(offset: 3),
        .strayQuote(lines: 1000), .convertLineBreaks(file: "a.csv"), .convertHeaderLineBreaks(file: "a.csv"), .closeQuote, .quoteHeaderField,
        .badRows(bad: 2, total: 9, percent: 1), .rolesOf(table: .spend, roles: [.date, .channel]), .twoRoles,
        .columnNames(count: 2, header: true), .columnNames(count: 2, header: false), .gzipTruncated, .gzipCorrupt, .gzipTrailing, .gzipLongLine,
        .binary, .utf16(file: "a.csv", output: "a-utf8.csv"), .copyToLocalFile, .copyToRegularFile, .waitForWriter,
        .nameFileInside(directory: "d"), .copyFifo(name: "p"), .saveAsCSV, .checkPath, .numericColumn(role: .amount),
        .decimalComma(example: "1,5", command: "sed"), .unixTimes(role: .ts), .epoch(role: .ts, milliseconds: false),
        .epoch(role: .ts, milliseconds: true), .spaces(example: " 1"), .spacesISO(example: " 1"),
        .spacesFormat(example: " 1", role: .ts, pattern: "%Y"), .noFormat(example: "x", role: .ts),
        .format(role: .ts, pattern: "%Y", alternatives: []), .format(role: .ts, pattern: "%Y", alternatives: ["%y"]),
    ]

    static let others: [any LoadSentence] = [
        LoadError.DelimiterProblem.lineBreak, LoadError.DelimiterProblem.quote, LoadError.DelimiterProblem.nul, LoadError.DelimiterProblem.notASCII,
        LoadError.SystemReason.noSuchFile, LoadError.SystemReason.errno(EACCES), LoadError.SystemReason.errno(EISDIR),
        LoadError.SystemReason.errno(ENOTDIR), LoadError.SystemReason.errno(ENOENT), LoadError.SystemReason.errno(ELOOP),
        LoadError.SystemReason.errno(ENAMETOOLONG), LoadError.SystemReason.errno(EIO), LoadError.SystemReason.errno(EXDEV),
        LoadReport.SkipReason.swallowedRows, LoadReport.SkipReason.fieldCount(expected: 3, found: 2), LoadReport.SkipReason.textAfterQuote,
        LoadReport.SkipReason.tooLong(column: "a", bytes: 9), LoadReport.SkipReason.unexpected(column: "a", expected: .number),
        LoadReport.SkipReason.emptyCustomer,
        LoadReport.Expectation.customerID, LoadReport.Expectation.text, LoadReport.Expectation.integer, LoadReport.Expectation.number,
        LoadReport.Expectation.compactDate, LoadReport.Expectation.epochSeconds, LoadReport.Expectation.epochMilliseconds,
        LoadReport.Expectation.anything, LoadReport.Expectation.isoTime, LoadReport.Expectation.pattern("%Y"),
        LoadReport.Note.columnIsText(column: "a", line: 3, expected: .integer), LoadReport.Note.headerOnly,
        LoadReport.Note.amountProduct(quantity: "q", price: "p"), LoadReport.Note.noEventColumn, LoadReport.Note.rowsAreOrders,
        LoadReport.Note.lineItems(column: "o", orders: 3, returns: 1, cancellationIDs: true, purchaseEvent: true),
        LoadReport.Note.customerIDsDiffer(customers: "1.0", events: "1", dotZero: nil),
        LoadReport.Note.customerIDsDiffer(customers: "1.0", events: "1", dotZero: .init(side: .customers, id: "1.0", whole: "1", reload: nil)),
        LoadReport.Note.customerIDsDiffer(customers: "1.0", events: "1", dotZero: .init(side: .customers, id: "1.0", whole: "1", reload: "c.csv")),
        LoadReport.Note.customerConflicts(count: 1, id: "u1", column: "c", values: ["a", "b"], kept: "b"),
        LoadReport.Note.customerConflicts(count: 2, id: "u1", column: "c", values: ["a", "b"], kept: "b"),
        LoadReport.Note.worded("written"),
    ]

    /// Keys worded only inside another sentence (a count, a listing's tail, a fix), not a case's own.
    static let nested: Set<String> = [
        "load.error.names_column", "load.error.names_columns", "load.error.names_field", "load.error.names_fields", "load.hint.format_pair",
        "load.note.returns_one", "load.note.returns", "load.note.rule_cancellations", "load.note.rule_negative", "load.note.line_items_event",
        "load.note.ids_dot_zero", "load.note.ids_load_again",
    ]

    static var sentences: [any LoadSentence] { problems + helps + others }

    /// The catalog keys the store's sources name (`"load.error.…"`, `load.hint.`, `load.reason.`, `load.expect.`, `load.note.`).
    func keysInTheStoreSources() throws -> Set<String> {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/SiklusStore")
        let files = try XCTUnwrap(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        let key = try NSRegularExpression(pattern: #""(load\.(?:error|hint|reason|expect|note)\.[a-z0-9_.]+)""#)
        var keys = Set<String>()
        for case let url as URL in files where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for match in key.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                keys.insert(String(text[Range(match.range(at: 1), in: text)!]))
            }
        }
        return keys
    }

    func testEveryCaseHasBothTemplatesWithItsArguments() throws {
        var met = Set<String>()
        for sentence in Self.sentences {
            let key = try CatalogSentenceCheck.bothTemplates(sentence)
            met.insert(key)
            // Text worded elsewhere (the system's `strerror`, a caller's note) is the same in both.
            if !["load.error.os.other", "load.note.worded"].contains(key) { XCTAssertNotEqual(sentence.text(in: .id), sentence.text(in: .en), key) }
        }
        let keys = try keysInTheStoreSources()
        XCTAssertGreaterThan(keys.count, 100)
        XCTAssertEqual(keys.subtracting(met).subtracting(Self.nested).sorted(), [], "keys of the store no sample meets")
        XCTAssertEqual(met.union(Self.nested).subtracting(keys).sorted(), [], "samples or nested keys the store does not name")
        // A catalog key of these families that the store never names would be dead.
        let families = ["load.error.", "load.hint.", "load.reason.", "load.expect.", "load.note."]
        let catalog = Set(MessageCatalog.templates(.en).keys.filter { key in families.contains { key.hasPrefix($0) } })
        XCTAssertEqual(catalog.subtracting(keys).sorted(), [], "catalog keys the store never names")
        for key in Self.nested {
            XCTAssertEqual(MessageCatalog.placeholders(in: MessageCatalog.templates(.en)[key] ?? "?"),
                           MessageCatalog.placeholders(in: MessageCatalog.templates(.id)[key] ?? "!"), key)
        }
    }
}
