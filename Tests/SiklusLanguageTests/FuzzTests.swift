import XCTest
import SiklusTestSupport
@testable import SiklusLanguage

final class FuzzTests: XCTestCase {
    /// Words, punctuation and values of the language, valid and broken.
    private static let fragments: [String] = Keywords.statements + Keywords.steps + Keywords.retentionOptions
        + Keywords.funnelOptions + Keywords.loadOptions + [
            "in", "not", "and", "or", "order", "asc", "desc", "purchase", "month", "week", "day", "quarter", "customer", "ts",
            "|", ";", ",", "(", ")", ".", "..", "=", "==", "!=", "<>", "<", "<=", ">", ">=", "->", "+=", "-=", "-", "\\",
            "\n", "\r\n", "# note", "-- note", "2022-09", "2022-09-14", "2022-Q3", "2022-09-14T10:30", "2022-13", "2022-9",
            "30d", "12w", "6m", "1.5d", "30x", "42", "0", "-7", "3.5", "1e5", "99999999999999999999", "\"str\"", "'s q'",
            "\"unterminated", "\"a\nb\"", "\"\"", "\"\\t\"", "social", "ID", "US", "avg_order", "café", "顧客", "@", "!", "{", "&",
            "customers.channel", "signup=2022-09", "country in (ID, US)", "\"data/e.csv\"",
        ]

    /// Valid queries to mutate.
    private static let seeds = [
        "cohort signup=2022-09 | stage retention | metric avg_order",
        "load events \"e.csv\" map customer=id ts=\"Order Date\" delim=\";\" format ts=\"%d/%m/%Y\"",
        "let sept = cohort signup=2022-09..2022-12 country in (ID, US) by signup period week",
        "events | where amount > 100 and (channel = social or not country in (ID)) | by channel, month",
        "events | retention period week percent on purchase unbounded horizon 12 | plot | export \"r.html\"",
        "events | funnel view -> cart -> purchase within 30d any order | sort revenue desc | top 10 | limit 5",
        "set churn_after = 90d; stages; stage retention += a, \"b\"; explain sept | by channel; help metric",
    ]

    func testParserNeverCrashesAndAlwaysLocatesItsErrors() {
        var rng = SplitMix64(seed: 0x5EED_2026)
        let total = 100_000
        var withDiagnostics = 0
        for iteration in 0..<total {
            let text: String
            switch iteration % 4 {
            case 0, 1: text = tokenSoup(&rng)
            case 2: text = mutatedSeed(&rng)
            default: text = randomBytes(&rng)
            }
            let source = SourceFile(name: "fuzz", text: text)
            let result = Parser.parse(source)
            let size = source.bytes.count
            func inBounds(_ span: SourceSpan) -> Bool { 0 <= span.start && span.start <= span.end && span.end <= size }

            if !result.diagnostics.isEmpty { withDiagnostics += 1 }
            for diagnostic in result.diagnostics {
                guard let span = diagnostic.span, inBounds(span) else {
                    return XCTFail("diagnostic without an in-bounds span for \(text.debugDescription): \(diagnostic.message)")
                }
            }
            var previousEnd = 0
            for statement in result.statements {
                guard inBounds(statement.span), statement.span.start >= previousEnd else {
                    return XCTFail("bad statement span \(statement.span) for \(text.debugDescription)")
                }
                previousEnd = statement.span.end
            }
            if iteration % 2 == 0 { _ = Lexer.needsContinuation(text) }
            if iteration % 16 == 0 {
                for diagnostic in result.diagnostics { _ = diagnostic.render(in: source) }
                for statement in result.statements { _ = SyntaxPrinter.print(statement) }
            }
        }
        XCTAssertGreaterThan(withDiagnostics, total / 4, "the generators should produce plenty of bad input")
        XCTAssertLessThan(withDiagnostics, total, "and some good input")
    }

    private func tokenSoup(_ rng: inout SplitMix64) -> String {
        let count = Int.random(in: 0...14, using: &rng)
        var text = ""
        for _ in 0..<count {
            text += FuzzTests.fragments.randomElement(using: &rng) ?? ""
            text += ["", " ", " ", " ", "\n"].randomElement(using: &rng) ?? " "
        }
        return text
    }

    /// A valid query with a few tokens deleted, duplicated or replaced.
    private func mutatedSeed(_ rng: inout SplitMix64) -> String {
        let seed = FuzzTests.seeds.randomElement(using: &rng) ?? ""
        let source = SourceFile(name: "seed", text: seed)
        var pieces = Lexer.tokenize(source).dropLast().map { $0.text(in: source) }
        for _ in 0..<Int.random(in: 0...3, using: &rng) where !pieces.isEmpty {
            let index = Int.random(in: 0..<pieces.count, using: &rng)
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: pieces.remove(at: index)
            case 1: pieces.insert(pieces[index], at: index)
            default: pieces[index] = FuzzTests.fragments.randomElement(using: &rng) ?? ""
            }
        }
        return pieces.joined(separator: " ")
    }

    /// Random bytes, mostly printable ASCII, decoded as UTF-8 with replacement characters.
    private func randomBytes(_ rng: inout SplitMix64) -> String {
        let count = Int.random(in: 0...48, using: &rng)
        let bytes = (0..<count).map { _ -> UInt8 in
            Bool.random(using: &rng) ? UInt8.random(in: 0x20...0x7E, using: &rng) : UInt8.random(in: 0...255, using: &rng)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    func testSplitMix64IsDeterministic() {
        var a = SplitMix64(seed: 1), b = SplitMix64(seed: 1)
        XCTAssertEqual((0..<5).map { _ in a.next() }, (0..<5).map { _ in b.next() })
        var zero = SplitMix64(seed: 0)
        XCTAssertEqual(zero.next(), 0xE220_A839_7B1D_CDAF)
    }
}
