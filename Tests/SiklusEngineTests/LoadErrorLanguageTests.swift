import Foundation
import SiklusLanguage
import SiklusStore
import XCTest
@testable import SiklusEngine

/// Every error the loader gives, in both languages: the loader's values (`LoadError.Problem`, `Help`) worded
/// in English as the store wrote them, and in Indonesian with no English sentence left behind. That every
/// case has a key in both catalogs is `LoadSentenceCatalogTests`'.
final class LoadErrorLanguageTests: XCTestCase {
    /// One failing load: the file's bytes (written by the test), its name and the options.
    struct Case {
        var name: String
        var bytes: [UInt8]
        var table: TableKind = .events
        var options = LoadOptions()
        /// Loaded first, into the same store (for clashes with what is loaded already).
        var before: (name: String, text: String)?
    }

    static func csv(_ text: String) -> [UInt8] { Array(text.utf8) }
    static func hex(_ text: String) -> [UInt8] {
        stride(from: 0, to: text.count, by: 2).map { UInt8(text.dropFirst($0).prefix(2), radix: 16) ?? 0 }
    }
    /// `customer_id,ts` and 20 rows, gzipped (Python's gzip.compress, mtime 0).
    static let gzipped = hex("1f8b08000000000002034b2e2d2ec9cf4d2d8acf4cd12929e62a35d431323032d2353004a2511e9c07006f0a616a27010000")
    static func options(_ change: (inout LoadOptions) -> Void) -> LoadOptions { var options = LoadOptions(); change(&options); return options }

    static let cases: [Case] = [
        Case(name: "empty.csv", bytes: []),
        Case(name: "empty.csv.gz", bytes: hex("1f8b080000000000020303000000000000000000")),
        Case(name: "noheader.csv", bytes: csv("1,2\n3,4\n"), options: options { $0.header = false }),
        Case(name: "dataheader.csv", bytes: csv("00001,19970101,11.77\n00002,19970102,12.00\n")),
        Case(name: "norole.csv", bytes: csv("a,b\nx,y\n")),
        Case(name: "notnum.csv", bytes: csv("customer_id,ts,amount\nu1,2022-01-01,abc\nu2,2022-01-02,def\n")),
        Case(name: "comma.csv", bytes: csv("customer_id;ts;amount\nu1;2022-01-01;12,50\nu2;2022-01-02;3,25\n")),
        Case(name: "clash.csv", bytes: csv("customer_id,age\nu2,abc\nu3,def\n"), table: .customers, before: ("first.csv", "customer_id,age\nu1,5\n")),
        Case(name: "intdates.csv", bytes: csv("customer_id,ts\nu1,12\nu2,15\n")),
        Case(name: "epoch.csv", bytes: csv("customer_id,ts\nu1,1662940800\nu2,1662940900\n")),
        Case(name: "ms.csv", bytes: csv("customer_id,ts\nu1,1662940800000\nu2,1662940900000\n")),
        Case(name: "dmy.csv", bytes: csv("customer_id,ts\nu1,14/09/2022\nu2,25/09/2022\n")),
        Case(name: "ambiguous.csv", bytes: csv("customer_id,ts\nu1,01/02/2022\nu2,03/04/2022\n")),
        Case(name: "unknown.csv", bytes: csv("customer_id,ts\nu1,sept 14\nu2,oct 1\n")),
        Case(name: "spaces.csv", bytes: csv("customer_id,ts\nu1, 2022-09-14 \nu2, 2022-09-15\n")),
        Case(name: "spacesunknown.csv", bytes: csv("customer_id,ts\nu1, sept 14\nu2, oct 1\n")),
        Case(name: "spacesdmy.csv", bytes: csv("customer_id,ts\nu1, 14/09/2022\nu2, 25/09/2022\n")),
        Case(name: "nul.csv", bytes: csv("customer_id,ts\u{0}\nu1,2022-01-01\n")),
        Case(name: "longquote.csv", bytes: csv("customer_id,ts,event\nu1,2022-01-01,\"" + String(repeating: "x\n", count: 1100) + "\"\n")),
        Case(name: "crheader.csv", bytes: csv("customer_id,ts\ru1,2022-01-01\ru2,2022-01-02\r")),
        Case(name: "crlater.csv", bytes: csv("customer_id,ts,event\nu1,2022-01-01,visit\nu2,2022-01-02,visit\ru3,2022-01-03,visit\ru4,2022-01-03,visit\n")),
        Case(name: "unterminated.csv", bytes: csv("customer_id,ts,event\nu1,2022-01-01,visit\nu2,2022-01-02,\"visit\n")),
        Case(name: "headerquote.csv", bytes: csv("customer_id,\"ts\nu1,2022-01-01\n")),
        Case(name: "headerafter.csv", bytes: csv("customer_id,\"ts\"x\nu1,2022-01-01\n")),
        Case(name: "badrows.csv", bytes: csv("customer_id,ts,event\nu1,2022-01-01,visit\n" + String(repeating: "u2,2022-01-02\n", count: 3))),
        Case(name: "binary.csv", bytes: Array(repeating: Array(1...31), count: 20).flatMap { $0 }),
        Case(name: "utf16le.csv", bytes: [0xFF, 0xFE] + Array("customer_id,ts\nu1,2022-01-01\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })),
        Case(name: "utf16be.csv", bytes: [0xFE, 0xFF] + Array("customer_id,ts\nu1,2022-01-01\n".utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })),
        Case(name: "truncated.csv.gz", bytes: Array(gzipped.prefix(25))),
        Case(name: "corrupt.csv.gz", bytes: Array(gzipped.prefix(12)) + [0xFF, 0xFF, 0xFF, 0xFF] + gzipped.dropFirst(16)),
        Case(name: "trailing.csv.gz", bytes: gzipped + csv("junkjunkjunk")),
        Case(name: "nomapped.csv", bytes: csv("customer_id,ts,event\nu1,2022-01-01,visit\n"), options: options { $0.mapping = [.customer: "nope"] }),
        Case(name: "norolehere.csv", bytes: csv("customer_id,age\nu1,5\n"), table: .customers, options: options { $0.mapping = [.quantity: "age"] }),
        Case(name: "tworoles.csv", bytes: csv("customer_id,ts,event\nu1,2022-01-01,visit\n"), options: options { $0.mapping = [.customer: "customer_id", .channel: "customer_id"] }),
        Case(name: "columns.csv", bytes: csv("customer_id,ts,event\nu1,2022-01-01,visit\n"), options: options { $0.columnNames = ["a", "b"] }),
        Case(name: "column.csv", bytes: csv("customer_id,ts,event\nu1,2022-01-01,visit\n"), options: options { ($0.columnNames, $0.header) = (["a"], false) }),
        Case(name: "linebreak.csv", bytes: csv("a\n"), options: options { $0.delimiter = UInt8(ascii: "\n") }),
        Case(name: "quote.csv", bytes: csv("a\n"), options: options { $0.delimiter = UInt8(ascii: "\"") }),
        Case(name: "nuldelim.csv", bytes: csv("a\n"), options: options { $0.delimiter = 0 }),
        Case(name: "high.csv", bytes: csv("a\n"), options: options { $0.delimiter = 0xE9 }),
    ]

    /// Errors no small file gives (memory, the system, a file changing under the loader, a hole found by
    /// the parser rather than the sniffer, the remote binder's wording), as the store builds them.
    static let literal: [LoadError] = [
        LoadError(path: "x.csv", .empty, help: .headerRow),
        LoadError(path: "x.csv", .gzipOutOfMemory(mebibytes: 64)),
        LoadError(path: "x.csv", .gzipStart(status: -4)),
        LoadError(path: "x.csv", .gzipLongLine(mebibytes: 256), help: .gzipLongLine),
        LoadError(path: "x.csv", .cannotOpen(.errno(EACCES))),
        LoadError(path: "x.csv", .cannotRead(.errno(EIO))),
        LoadError(path: "x.csv", .cannotMap(.errno(EISDIR)), help: .copyToLocalFile),
        LoadError(path: "x.csv", .readOutOfMemory),
        LoadError(path: "x.csv", .unsized(mebibytes: 1024), help: .copyToRegularFile),
        LoadError(path: "x.csv", .changed(truncated: false), help: .waitForWriter),
        LoadError(path: "x.csv", .changed(truncated: true)),
        LoadError(path: "x.csv", .socket, help: .saveAsCSV),
        LoadError(path: "x.csv", .device),
        LoadError(path: "x.csv", .notRegular),
        LoadError(path: "x.csv", .directory, help: .nameFileInside(directory: "x.csv")),
        LoadError(path: "x.csv", .fifo, help: .copyFifo(name: "x.csv")),
        LoadError(path: "x.csv", line: 9, column: 3, .nul(offset: 120), help: .cutBeforeNul(offset: 120, file: "x.csv")),
        LoadError(path: "x.csv", line: 1, .noSuchColumn(name: "nope", role: .customer), help: .tableHas((1...14).map { "c\($0)" })),
    ]

    /// The English words a sentence of the loader is made of; none may stay in an Indonesian one.
    static let englishWords = try! NSRegularExpression(
        pattern: #"\b(the|is|are|cannot|and|of|not|an|to|with|has|have|column|values|rows|here|need|holds|looks|like|was|than|more|must|file is|no)\b"#)

    func errors() throws -> [LoadError] {
        let dir = try TestPaths.temporaryDirectory("load-error-language")
        defer { try? FileManager.default.removeItem(at: dir) }
        var found: [LoadError] = []
        for item in Self.cases {
            var store = Store()
            if let before = item.before {
                let path = dir.appendingPathComponent(before.name).path
                try before.text.write(toFile: path, atomically: true, encoding: .utf8)
                try store.load(item.table, path: path)
            }
            let path = dir.appendingPathComponent(item.name).path
            try Data(item.bytes).write(to: URL(fileURLWithPath: path))
            do {
                try store.load(item.table, path: path, options: item.options)
                XCTFail("\(item.name) loaded")
            } catch let error as LoadError {
                found.append(error)
            }
        }
        var store = Store()
        do { try store.load(.events, path: dir.appendingPathComponent("missing.csv").path) } catch let error as LoadError { found.append(error) }
        XCTAssertEqual(found.count, Self.cases.count + 1)
        return found + Self.literal
    }

    func testEveryLoadErrorIsWordedInBothLanguages() throws {
        for error in try errors() {
            let sentences: [any LoadSentence] = [error.problem] + (error.help.map { [$0] } ?? [])
            for sentence in sentences {
                let english = sentence.text(in: .en)
                XCTAssertEqual(Language.$current.withValue(.id) { sentence.text(in: .en) }, english, "English whatever the session's language")
                // zlib's own reason is not ours to translate.
                let indonesian = sentence.text(in: .id).replacingOccurrences(of: "invalid distance too far back", with: "")
                XCTAssertNotEqual(indonesian, english)
                let leftover = Self.englishWords.firstMatch(in: indonesian, range: NSRange(indonesian.startIndex..., in: indonesian))
                XCTAssertNil(leftover, "English left in: \(indonesian)")
            }
        }
    }

    /// The English of a few errors, byte for byte as the store wrote it before its sentences were values.
    func testEnglishAsBefore() {
        let texts = Self.literal.map(\.description)
        XCTAssertEqual(texts[4], "x.csv: error: cannot open file: Permission denied")
        XCTAssertEqual(texts[16], "x.csv:9:3: error: a NUL byte at byte offset 120: this is binary data, not CSV text\n"
                       + "  help: a CSV file holds UTF-8 text only; cut the file before the binary part (head -c 120 x.csv > fixed.csv) or export it again")
        XCTAssertEqual(texts[17], "x.csv:1: error: no column named \"nope\" for role customer\n  help: the table has: "
                       + (1...10).map { "c\($0)" }.joined(separator: ", ") + " … and 4 more")
        XCTAssertEqual(LoadError(path: "a.csv", line: 1, .columnNamesCount(names: 1, fields: 3), help: .columnNames(count: 3, header: true)).description,
                       "a.csv:1: error: columns= names 1 column, but line 1 has 3 fields\n"
                       + "  help: name every column of the file, in order (3 names); for a file whose first line is data add header=false")
        XCTAssertEqual(LoadError.Help.format(role: .ts, pattern: "%d/%m/%Y", alternatives: ["%m/%d/%Y", "%d/%m/%y"]).description,
                       #"tell the loader how they are written, e.g. format ts="%d/%m/%Y" ("%m/%d/%Y" and "%d/%m/%y" also fit these values: check which is the day)"#)
        XCTAssertEqual(LoadError.Help.format(role: .ts, pattern: "%d/%m/%Y", alternatives: ["%m/%d/%Y", "%d/%m/%y"]).text(in: .id),
                       #"beri tahu pemuat cara nilainya ditulis, mis. format ts="%d/%m/%Y" ("%m/%d/%Y" dan "%d/%m/%y" juga cocok dengan nilai-nilai ini: periksa mana yang hari)"#)
    }

    /// Through the session: the frame, the located path and the hint of a real load in Indonesian, and the
    /// English diagnostic as before.
    func testSessionDiagnostic() throws {
        let dir = try TestPaths.temporaryDirectory("load-error-session")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("dates.csv").path
        try "customer_id,ts\nu1,14/09/2022\nu2,25/09/2022\n".write(toFile: path, atomically: true, encoding: .utf8)
        let error = try XCTUnwrap({ () -> LoadError? in
            var store = Store()
            do { try store.load(.events, path: path) } catch { return error as? LoadError }
            return nil
        }())
        let span = SourceSpan(start: 0, end: 1)
        let english = Language.$current.withValue(.en) { LoadErrorMessage.diagnostic(error, at: span) }
        XCTAssertEqual(english.message, "cannot load \(path):2: column ts (ts) has values like \"14/09/2022\" that are not ISO dates")
        XCTAssertEqual(english.hints, ["tell the loader how they are written, e.g. format ts=\"%d/%m/%Y\""])
        let indonesian = Language.$current.withValue(.id) { LoadErrorMessage.diagnostic(error, at: span) }
        XCTAssertEqual(indonesian.message, "tidak dapat memuat \(path):2: kolom ts (ts) punya nilai seperti \"14/09/2022\" yang bukan tanggal ISO")
        XCTAssertEqual(indonesian.hints, ["beri tahu pemuat cara nilainya ditulis, mis. format ts=\"%d/%m/%Y\""])
        XCTAssertEqual(Language.$current.withValue(.en) { error.worded }, error.description)
        XCTAssertTrue(Language.$current.withValue(.id) { error.worded }.hasPrefix("\(path):2: kesalahan: kolom ts"))
    }
}
