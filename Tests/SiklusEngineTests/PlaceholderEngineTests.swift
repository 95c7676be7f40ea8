import XCTest
@testable import SiklusEngine

final class PlaceholderEngineTests: XCTestCase {
    func testModuleLinks() {
        XCTAssertTrue(true)
    }
}
