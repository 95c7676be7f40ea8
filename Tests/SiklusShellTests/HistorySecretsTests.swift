import SiklusShell
import XCTest

final class HistorySecretsTests: XCTestCase {
    func testConninfoPasswordsAreLeftOut() {
        XCTAssertEqual(HistorySecrets.redacting(#"connect postgres "host=db user=ana password=s3cret dbname=shop""#).line,
                       #"connect postgres "host=db user=ana password=*** dbname=shop""#)
        XCTAssertEqual(HistorySecrets.redacting(#"connect postgres "password = 'two words\' x' host=db""#).line,
                       #"connect postgres "password = *** host=db""#)
    }

    func testURLPasswordsAreLeftOut() {
        let saved = HistorySecrets.redacting(#"connect postgres "postgresql://ana:p%40ss@db:5432/shop""#)
        XCTAssertEqual(saved.line, #"connect postgres "postgresql://ana:***@db:5432/shop""#)
        XCTAssertTrue(saved.redacted)
    }

    func testOtherLinesAreKept() {
        for line in [#"connect postgres "host=db user=ana""#, "cohort | where password = x | metric customers", #"connect postgres "postgresql://ana@db/shop""#] {
            XCTAssertEqual(HistorySecrets.redacting(line).line, line)
            XCTAssertFalse(HistorySecrets.redacting(line).redacted)
        }
    }
}
