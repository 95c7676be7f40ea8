import XCTest
@testable import SiklusLanguage

final class PlaceholderLanguageTests: XCTestCase {
    func testModuleLinks() {
        XCTAssertTrue(true)
    }
}
