import XCTest
@testable import SiklusLanguage

/// `delim=`: only a character that can sit between fields on one line is accepted.
final class LoadDelimiterTests: XCTestCase {
    func testDelimitersThatCannotSeparateFieldsAreRefusedAtTheValue() {
        let cases: [(String, String)] = [
            (#""\n""#, #"string `"\n"` cannot be a delimiter: a line break ends records"#),
            (#""\r""#, #"string `"\r"` cannot be a delimiter: a line break ends records"#),
            (#""\"""#, #"string `"\""` cannot be a delimiter: the double quote quotes fields"#),
            (#"'"'"#, #"string `'"'` cannot be a delimiter: the double quote quotes fields"#),
            (#""\0""#, #"string `"\0"` cannot be a delimiter: a NUL byte marks a binary file"#),
            (#""é""#, #"invalid delimiter string `"é"`: it is 2 bytes in UTF-8"#),
            (#""""#, #"invalid delimiter string `""`: it is empty"#),
            (#"";;""#, #"invalid delimiter string `";;"`: it is 2 characters"#),
        ]
        for (written, message) in cases {
            let text = "load events \"e.csv\" delim=\(written)"
            let parsed = Parsed(text)
            XCTAssertEqual(parsed.result.diagnostics.count, 1, written)
            guard let diagnostic = parsed.result.diagnostics.first else { continue }
            XCTAssertEqual(diagnostic.message, message, written)
            XCTAssertEqual(diagnostic.span.map { parsed.text($0) }, written, "the caret is under the value")
            XCTAssertEqual(diagnostic.hints.first?.hasPrefix("a delimiter is one ASCII character"), true, written)
        }
        // Tab and other separators still work, including control characters some exports use (Hive's \u{1}).
        for written in [#""\t""#, #"";""#, #""\u{1}""#, "tab"] {
            XCTAssertEqual(Parsed("load events \"e.csv\" delim=\(written)").result.diagnostics.count, 0, written)
        }
    }
}

/// Hints name at most about ten items of a list.
final class HintListingTests: XCTestCase {
    func testLongListsAreCutWithACount() {
        let names = (1...50).map { "c\($0)" }
        XCTAssertEqual(MessageCatalog.listing(names), "c1, c2, c3, c4, c5, c6, c7, c8, c9, c10 … and 40 more")
        XCTAssertEqual(MessageCatalog.listing(Array(names.prefix(12))), names.prefix(12).joined(separator: ", "), "never 'and 1 more'")
        XCTAssertEqual(MessageCatalog.listing(Array(names.prefix(13))), "c1, c2, c3, c4, c5, c6, c7, c8, c9, c10 … and 3 more")
        XCTAssertEqual(MessageCatalog.listing([]), "")
    }
}
