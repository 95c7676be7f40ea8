import XCTest
@testable import SiklusLanguage
@testable import SiklusMessages

/// Parse errors are worded through the catalogs all the way down: under Indonesian, not only the outer
/// "seharusnya …, tetapi ditemukan …" but what was expected, the hints and the lexical errors
/// (`MessageCatalog+ParserIndonesian.swift`); English is word for word as before.
final class ParseErrorWordingTests: XCTestCase {
    /// Malformed statements reaching most of the parser's messages and hints.
    static let malformed = [
        "cohort signup=2022-09 | metric", "cohort | metric avg order", "cohort | where", "cohort | where amount",
        "cohort | where country in ID", "cohort | where country in ()", "cohort | where (amount > 3", "cohort | by",
        "cohort | sort revenue desc customers", "cohort | top 0", "cohort | top 99999999999", "cohort | export",
        "cohort | retention period fortnight", "cohort | retention foo", "cohort | retention week",
        "cohort | retention percent percent", "cohort | retention value money", "cohort | retention brackets 1",
        "cohort | funnel visit purchase", "cohort | funnel visit", "cohort | funnel visit -> purchase within",
        "cohort | funnel visit -> purchase any", "cohort | funnel visit -> purchase quickly",
        "cohort | funnel visit -> (home) -> purchase", "cohort | funnel visit -> purchase exclude cancel between 3 and 2",
        "cohort | funnel visit -> purchase attribution middle", "cohort | funnel visit -> purchase where",
        "cohort | paths steps 1", "cohort | paths colour", "cohort | lifecycle foo", "cohort | stickiness period period",
        "cohort | rfm horizon 3w", "cohort | clv discount 20", "cohort | clv horizon 3h", "cohort | clv period quarter",
        "cohort | derive x", "cohort | derive x = \"a\"", "cohort | derive x = a b", "cohort | frobnicate",
        "cohort did purchase >= x", "cohort did purchase within 3d of", "cohort signup=2022-13", "cohort signup=2022-02-30",
        "cohort signup=2022-0x", "cohort signup=30zz", "cohort signup=12345678901234567890", "cohort 2022-09",
        "cohort signup=2022-09 metric revenue", "cohort by signup period fortnight", "cohort signup", "cohort signup = -x",
        "cohort a ! b", "cohort a + b", "let x", "let cohort = events", "set x", "stage retention", "stages foo",
        "explain", "unload", "unload events customers", "load events", "load events \"x.csv\" bogus",
        "load events \"x.csv\" delim=\";;\"", "load events \"x.csv\" delim=\"\\n\"", "load events \"x.csv\" delim=3",
        "load events \"x.csv\" header", "load events \"x.csv\" header=maybe", "load events \"x.csv\" columns=(a, a)",
        "load events \"x.csv\" ids=float", "load events \"x.csv\" map custommer=a", "load events \"x.csv\" map customer",
        "load events \"x.csv\" format ts", "load events \"x.csv\" append replace", "load events \"x.csv\" customer=a",
        "load events tabel \"orders\"", "load orders \"x.csv\"", "load events table", "load events table \"t\" delim=\",\"",
        "load events table \"t\" bogus", "connect", "connect duckdb", "connect mysql", "connect postgres",
        "connect spark \"\"", "disconnect now", "cohort | metric revenue percent percent", "cohort | by a.",
        "cohort | where a = 1..", "cohort | where not", "cohort |\nbogus",
    ]

    /// Words of English prose that no Indonesian message has outside code (`…`).
    static let englishWords = ["after", "for example", "write", "such as", "twice", "expected", "found", "empty", "needs",
                               "takes", "the", "a", "an", "or", "and", "is", "of", "with", "to", "in", "name", "step"]

    func testIndonesianParseErrorsKeepNoEnglishProse() {
        for statement in Self.malformed {
            let source = SourceFile(name: "q.sik", text: statement)
            let english = Parser.parse(source).diagnostics
            let indonesian = Language.$current.withValue(.id) { Parser.parse(source).diagnostics }
            XCTAssertEqual(english.count, 1, statement)
            XCTAssertEqual(indonesian.count, english.count, statement)
            for diagnostic in indonesian {
                for line in [diagnostic.message] + diagnostic.hints {
                    for marker in [" after `", "for example", "write `", "such as", "expected "] {
                        XCTAssertFalse(line.contains(marker), "\(statement): \(line)")
                    }
                    let prose = Self.proseWords(line)
                    let left = Self.englishWords.filter(prose.contains)
                    XCTAssertEqual(left, [], "\(statement): \(line)")
                }
            }
            XCTAssertNotEqual(english.map(\.message), indonesian.map(\.message), statement)
        }
    }

    /// Every Indonesian parser phrase, not only those the statements above reach, is free of English prose.
    func testNoIndonesianParserPhraseIsEnglish() {
        for (key, template) in MessageCatalog.parserIndonesian {
            let left = Self.englishWords.filter(Self.proseWords(template).contains)
            XCTAssertEqual(left, [], "\(key): \(template)")
        }
    }

    /// Every parser phrase in the catalog is asked for by the parser (`phrase("key"`, `lastJoinedBy: "key"`) or
    /// by `DateLiteral` (`MessageCatalog.text("parse.key"`), so the catalog holds no phrase left behind.
    func testEveryParserPhraseIsUsed() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/SiklusLanguage")
        var text = ""
        for folder in ["Parser", "Syntax"] {
            let directory = sources.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasSuffix(".swift") {
                text += try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            }
        }
        let unused = MessageCatalog.parserEnglish.keys.filter { key in
            guard key.hasPrefix("parse.") else { return false }
            let name = key.dropFirst("parse.".count)
            return !text.contains("phrase(\"\(name)\"") && !text.contains("lastJoinedBy: \"\(name)\"")
                && !text.contains("MessageCatalog.text(\"\(key)\"")
        }
        XCTAssertEqual(unused.sorted(), [])
    }

    func testRepresentativeMessagesInEnglish() {
        XCTAssertEqual(render("cohort signup=2022-09 | metric"), """
        q.sik:1:31: error: expected a metric name after `metric`, found end of input
        """)
        XCTAssertEqual(render("load events \"x.csv\" header"), """
        q.sik:1:27: error: expected `=` after `header`, found end of input
          help: write `header=false` for a file whose first line is data
        """)
        XCTAssertEqual(render("cohort | where"), """
        q.sik:1:15: error: expected a condition after `where`, found end of input
          help: for example `where amount > 100`
        """)
        XCTAssertEqual(render("cohort signup=2022-13"), """
        q.sik:1:15: error: invalid date `2022-13`: month 13 is out of range (1–12)
        """)
        XCTAssertEqual(render("cohort | top 99999999999"), """
        q.sik:1:14: error: `top` takes at most 2147483647 rows
          help: for example `top 10`
        """)
        XCTAssertEqual(render("connect mysql"), """
        q.sik:1:9: error: unknown engine `mysql`
          help: engines are `postgres` and `spark`
        """)
    }

    func testRepresentativeMessagesInIndonesian() {
        XCTAssertEqual(render("cohort signup=2022-09 | metric", in: .id), """
        q.sik:1:31: kesalahan: seharusnya nama metrik setelah `metric`, tetapi ditemukan akhir masukan
        """)
        XCTAssertEqual(render("load events \"x.csv\" header", in: .id), """
        q.sik:1:27: kesalahan: seharusnya `=` setelah `header`, tetapi ditemukan akhir masukan
          saran: tulis `header=false` untuk berkas yang baris pertamanya sudah berisi data
        """)
        XCTAssertEqual(render("cohort | where", in: .id), """
        q.sik:1:15: kesalahan: seharusnya syarat setelah `where`, tetapi ditemukan akhir masukan
          saran: misalnya `where amount > 100`
        """)
        XCTAssertEqual(render("cohort signup=2022-13", in: .id), """
        q.sik:1:15: kesalahan: tanggal `2022-13` tidak valid: bulan 13 di luar rentang (1–12)
        """)
        XCTAssertEqual(render("cohort | top 99999999999", in: .id), """
        q.sik:1:14: kesalahan: `top` menerima paling banyak 2147483647 baris
          saran: misalnya `top 10`
        """)
        XCTAssertEqual(render("connect mysql", in: .id), """
        q.sik:1:9: kesalahan: mesin `mysql` tidak dikenal
          saran: mesin: `postgres` dan `spark`
        """)
    }

    /// The first diagnostic of `text`, rendered in `language` without its source lines and carets.
    private func render(_ text: String, in language: Language = .en) -> String {
        let source = SourceFile(name: "q.sik", text: text)
        return Language.$current.withValue(language) {
            let rendered = Parser.parse(source).diagnostics.first?.render(in: source) ?? ""
            return rendered.split(separator: "\n").filter { !$0.hasPrefix("  \(text)") && !$0.trimmingCharacters(in: .whitespaces).hasPrefix("^") }
                .joined(separator: "\n")
        }
    }

    /// The lowercased words of `text` outside code spans (`…`) and placeholders ({…}).
    static func proseWords(_ text: String) -> Set<String> {
        var prose = "", inCode = false, inPlaceholder = false
        for character in text {
            switch character {
            case "`": inCode.toggle(); prose.append(" ")
            case "{" where !inCode: inPlaceholder = true
            case "}" where inPlaceholder: inPlaceholder = false; prose.append(" ")
            default: if !inCode && !inPlaceholder { prose.append(character) }
            }
        }
        let words = prose.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
        // Two-word phrases too, so "for example" and "such as" are found.
        let pairs = zip(words, words.dropFirst()).map { "\($0) \($1)" }
        return Set(words + pairs)
    }
}
