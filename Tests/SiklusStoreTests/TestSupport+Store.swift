import Foundation
import SiklusTestSupport
import XCTest
@testable import SiklusStore

extension Store {
    /// The customer id of each event row, in stored order.
    var eventCustomerIDs: [String] { events.customer.map { customerIDs[$0] } }
    /// The event name of each event row, in stored order.
    var eventNames: [String] { events.event.map { strings[$0] } }
}

/// The load error thrown by `body`, failing the test when it does not throw one.
func loadError(_ body: () throws -> Void, file: StaticString = #filePath, line: UInt = #line) -> LoadError? {
    do {
        try body()
        XCTFail("expected a load error", file: file, line: line)
        return nil
    } catch let error as LoadError {
        return error
    } catch {
        XCTFail("unexpected error \(error)", file: file, line: line)
        return nil
    }
}
