import SiklusLanguage
import XCTest
@testable import SiklusEngine

/// A text is parsed before its statements run, so a `set language = id` in it came too late for the
/// parse errors after it: they are worded again once the language changes.
final class ParseErrorLanguageTests: XCTestCase {
    func testParseErrorsAfterSetLanguageSpeakTheNewLanguage() throws {
        let session = Session()
        let failure = try XCTUnwrap(session.failure("set language = id\ncohort | metric"))
        XCTAssertTrue(failure.message.hasPrefix("seharusnya "), failure.message)
        XCTAssertEqual(failure.span?.start, 33, "the error is the second line's, at its end")
        let english = try XCTUnwrap(Session().failure("cohort | metric"))
        XCTAssertTrue(english.message.hasPrefix("expected "), english.message)
    }

    func testStatementsAfterTheLanguageChangeRunOnce() throws {
        let session = Session()
        var outcomes = 0
        session.run(SourceFile(name: "<test>", text: "set language = id\nset language = en\nhelp metric avg_order")) { _ in
            outcomes += 1
            return true
        }
        XCTAssertEqual(outcomes, 3, "re-parsing after each change neither repeats nor skips a statement")
    }
}
