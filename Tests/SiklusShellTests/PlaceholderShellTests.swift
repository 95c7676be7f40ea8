import XCTest
@testable import SiklusShell

final class PlaceholderShellTests: XCTestCase {
    func testModuleLinks() {
        XCTAssertTrue(true)
    }
}
