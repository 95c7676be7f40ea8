import XCTest
@testable import SiklusLanguage

final class LexerTests: XCTestCase {
    func testHeadlineQuery() {
        let tokens = lexed("cohort signup=2022-09 | stage retention | metric avg_order")
        XCTAssertEqual(tokens.map(\.kind), [.identifier, .identifier, .equal, .date, .pipe, .identifier, .identifier,
                                            .pipe, .identifier, .identifier])
        XCTAssertEqual(tokens.map(\.text), ["cohort", "signup", "=", "2022-09", "|", "stage", "retention", "|", "metric", "avg_order"])
    }

    func testPunctuation() {
        let tokens = lexed("| ; , ( ) . .. = == != <> < <= > >= -> += -= -")
        XCTAssertEqual(tokens.map(\.kind), [.pipe, .semicolon, .comma, .leftParen, .rightParen, .dot, .dotDot, .equal, .equal,
                                            .notEqual, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .arrow,
                                            .plusEqual, .minusEqual, .minus])
        XCTAssertEqual(tokens.map(\.text), ["|", ";", ",", "(", ")", ".", "..", "=", "==", "!=", "<>", "<", "<=", ">", ">=",
                                            "->", "+=", "-=", "-"])
    }

    func testArithmeticOperators() {
        // `derive` expressions: `+ - * /` are tokens of their own, with or without spaces.
        XCTAssertEqual(kinds("Quantity*UnitPrice"), [.identifier, .star, .identifier])
        XCTAssertEqual(kinds("(a+b)/2 - c"), [.leftParen, .identifier, .plus, .identifier, .rightParen, .slash, .integer, .minus, .identifier])
        XCTAssertEqual(kinds("a+=b"), [.identifier, .plusEqual, .identifier])
    }

    func testPunctuationNeedsNoSpaces() {
        XCTAssertEqual(kinds("a->b"), [.identifier, .arrow, .identifier])
        XCTAssertEqual(kinds("x+=y,z"), [.identifier, .plusEqual, .identifier, .comma, .identifier])
        XCTAssertEqual(kinds("a>=1"), [.identifier, .greaterEqual, .integer])
        XCTAssertEqual(kinds("customers.channel"), [.identifier, .dot, .identifier])
    }

    func testIdentifiers() {
        XCTAssertEqual(lexed("_x a1 avg_order Retensi").map(\.text), ["_x", "a1", "avg_order", "Retensi"])
        XCTAssertEqual(kinds("_x a1 avg_order Retensi"), [.identifier, .identifier, .identifier, .identifier])
    }

    func testNumbers() {
        let tokens = lexed("42 3.5 0.25e2 1E-3 7e5 1.5e+3")
        XCTAssertEqual(tokens.map(\.kind), [.integer, .number, .number, .number, .number, .number])
        XCTAssertEqual(tokens.map(\.text), ["42", "3.5", "0.25e2", "1E-3", "7e5", "1.5e+3"])
        XCTAssertEqual(kinds("1e"), [.invalid])
        XCTAssertEqual(kinds("1e-"), [.invalid, .minus])
    }

    func testDates() {
        XCTAssertEqual(lexed("2022-09 2022-09-14 2022-Q3 2022-q4 2022-09-14T10:30 2022-09-14t10:30:15").map(\.kind),
                       [.date, .date, .date, .date, .date, .date])
        XCTAssertEqual(lexed("2022-09-14T10:30:15").map(\.text), ["2022-09-14T10:30:15"])
    }

    func testMalformedDatesAreInvalidTokens() {
        for text in ["2022-9", "2022-09-1", "2022-Q12", "2022-09-14T1", "2022-09-14T10:3", "2022-09x", "2022-09-14T10:30:1"] {
            XCTAssertEqual(lexed(text).map(\.kind), [.invalid], text)
            XCTAssertEqual(lexed(text).map(\.text), [text], text)
        }
    }

    func testDatesNumbersAndRanges() {
        XCTAssertEqual(kinds("2022-09..2022-12"), [.date, .dotDot, .date])
        XCTAssertEqual(lexed("2022-09..2022-12").map(\.text), ["2022-09", "..", "2022-12"])
        XCTAssertEqual(kinds("1..5"), [.integer, .dotDot, .integer])
        XCTAssertEqual(kinds("1.5..2.5"), [.number, .dotDot, .number])
        XCTAssertEqual(kinds("2022"), [.integer])
        XCTAssertEqual(kinds("12345-67"), [.integer, .minus, .integer])
        XCTAssertEqual(kinds("2022-x"), [.integer, .minus, .identifier])
    }

    func testDurations() {
        XCTAssertEqual(kinds("90d 12w 24h 6m 1y 30days 2weeks 3months 1year 5hours 2WK 10mo"), Array(repeating: .duration, count: 12))
        XCTAssertEqual(lexed("30x").map(\.kind), [.invalid])
        XCTAssertEqual(lexed("1.5d").map(\.kind), [.invalid])
        XCTAssertEqual(lexed("30d").map(\.text), ["30d"])
    }

    func testStringsWithEscapes() {
        let tokens = lexed(#""a \"b\" c" 'it\'s' "x|y # not a comment -- nor this""#)
        XCTAssertEqual(tokens.map(\.kind), [.string, .string, .string])
        XCTAssertEqual(StringLiteralDecoder.decode(tokens[0].text), #"a "b" c"#)
        XCTAssertEqual(StringLiteralDecoder.decode(tokens[1].text), "it's")
        XCTAssertEqual(StringLiteralDecoder.decode(tokens[2].text), "x|y # not a comment -- nor this")
    }

    func testStringEscapeDecoding() {
        XCTAssertEqual(StringLiteralDecoder.decode(#""\t|\n|\r|\\|\0|\u{41}\u{1F600}""#), "\t|\n|\r|\\|\0|A😀")
        XCTAssertEqual(StringLiteralDecoder.decode(#""C:\data\events.csv""#), #"C:\data\events.csv"#)
        XCTAssertEqual(StringLiteralDecoder.decode(#""\u{zz} \u{110000} \u""#), #"\u{zz} \u{110000} \u"#)
        XCTAssertEqual(StringLiteralDecoder.decode("\"a\r\nb\""), "a\nb")
        XCTAssertEqual(StringLiteralDecoder.decode(#""ends with \\""#), #"ends with \"#)
        XCTAssertEqual(StringLiteralDecoder.decode("\"\""), "")
        XCTAssertEqual(StringLiteralDecoder.decode("'%d/%m/%Y'"), "%d/%m/%Y")
    }

    func testStringsMaySpanLines() {
        let tokens = lexed("\"a\nb\" c")
        XCTAssertEqual(tokens.map(\.kind), [.string, .identifier])
        XCTAssertEqual(StringLiteralDecoder.decode(tokens[0].text), "a\nb")
    }

    func testUnterminatedStringSpansToEndOfLine() {
        let source = SourceFile(name: "t", text: "load events \"data.csv\r\nstages")
        let tokens = Lexer.tokenize(source)
        XCTAssertEqual(tokens.map(\.kind), [.identifier, .identifier, .unterminatedString, .newline, .identifier, .endOfInput])
        XCTAssertEqual(tokens[2].text(in: source), "\"data.csv")
        XCTAssertEqual(tokens[2].span, SourceSpan(start: 12, end: 21))
    }

    func testComments() {
        XCTAssertEqual(kinds("cohort # all customers\nevents -- every event"), [.identifier, .newline, .identifier])
        XCTAssertEqual(lexed("a # one\nb -- two", trivia: true).map(\.kind), [.identifier, .comment, .newline, .identifier, .comment])
        XCTAssertEqual(lexed("a # one", trivia: true).map(\.text), ["a", "# one"])
        XCTAssertEqual(kinds("#only"), [])
    }

    func testLineContinuationWithBackslash() {
        XCTAssertEqual(kinds("events \\\n| plot"), [.identifier, .pipe, .identifier])
        XCTAssertEqual(kinds("events \\   # why\n| plot"), [.identifier, .pipe, .identifier])
        XCTAssertEqual(kinds("events \\ -- why\r\n| plot"), [.identifier, .pipe, .identifier])
        XCTAssertEqual(kinds("events \\", trivia: true), [.identifier, .lineContinuation])
        XCTAssertEqual(kinds("a \\ b"), [.identifier, .invalid, .identifier])
    }

    func testNewlinesAndCRLF() {
        let source = SourceFile(name: "t", text: "a\r\nb\n\nc")
        let tokens = Lexer.tokenize(source)
        XCTAssertEqual(tokens.map(\.kind), [.identifier, .newline, .identifier, .newline, .newline, .identifier, .endOfInput])
        XCTAssertEqual(tokens[1].span, SourceSpan(start: 2, end: 3))
        XCTAssertEqual(tokens[2].span, SourceSpan(start: 3, end: 4))
    }

    func testNonASCIIIdentifiersAndStrings() {
        let source = SourceFile(name: "t", text: "café = \"Jakarta Selatan — ñ\" | 顧客")
        let tokens = Lexer.tokenize(source)
        XCTAssertEqual(tokens.map(\.kind), [.identifier, .equal, .string, .pipe, .identifier, .endOfInput])
        XCTAssertEqual(tokens[0].text(in: source), "café")
        XCTAssertEqual(tokens[0].span, SourceSpan(start: 0, end: 5))
        XCTAssertEqual(StringLiteralDecoder.decode(tokens[2].text(in: source)), "Jakarta Selatan — ñ")
        XCTAssertEqual(tokens[4].text(in: source), "顧客")
        XCTAssertEqual(source.location(of: tokens[4].span.start).column, 32)
    }

    func testInvalidCharacters() {
        XCTAssertEqual(lexed("a @ b ! c + d & e { }").filter { $0.kind == .invalid }.map(\.text), ["@", "!", "&", "{", "}"])
        XCTAssertEqual(kinds("\u{1}"), [.invalid])
    }

    func testSpansAreByteOffsets() {
        let source = SourceFile(name: "t", text: "  where amount>=100")
        let tokens = Lexer.tokenize(source)
        XCTAssertEqual(tokens.map(\.span), [SourceSpan(start: 2, end: 7), SourceSpan(start: 8, end: 14), SourceSpan(start: 14, end: 16),
                                            SourceSpan(start: 16, end: 19), SourceSpan(start: 19, end: 19)])
    }

    func testEndOfInputRepeats() {
        var lexer = Lexer(SourceFile(name: "t", text: "a"))
        XCTAssertEqual(lexer.nextToken().kind, .identifier)
        XCTAssertEqual(lexer.nextToken().kind, .endOfInput)
        XCTAssertEqual(lexer.nextToken().kind, .endOfInput)
        XCTAssertEqual(kinds(""), [])
    }

    func testIsWordIgnoresCase() {
        let source = SourceFile(name: "t", text: "COHORT Cohorts")
        let tokens = Lexer.tokenize(source)
        XCTAssertTrue(tokens[0].isWord("cohort", in: source))
        XCTAssertFalse(tokens[1].isWord("cohort", in: source))
        XCTAssertEqual(tokens[0].lowercasedText(in: source), "cohort")
    }

    func testEveryTokenKindIsProduced() {
        let text = "a 1 2.5 \"s\" 2022-09 30d | ; , ( ) . .. = != < <= > >= -> += -= - + * / \\\n# c\n\"open\n@ 9q"
        var seen = Set(Lexer.tokenize(SourceFile(name: "t", text: text), includesTrivia: true).map(\.kind))
        seen.formUnion(Lexer.tokenize(SourceFile(name: "t", text: "x\n'unterminated")).map(\.kind))
        XCTAssertEqual(Set(TokenKind.allCases).subtracting(seen), [])
    }
}
