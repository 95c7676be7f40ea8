import Foundation
import XCTest
@testable import SiklusStore

/// Writes test CSV files into a fresh temporary directory, removed when the test ends.
final class TestFiles {
    let directory: URL

    init() {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("siklus-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// Writes `text` (as UTF-8, exactly) to `name` and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        write(name, bytes: Array(text.utf8))
    }

    @discardableResult
    func write(_ name: String, bytes: [UInt8]) -> String {
        let url = directory.appendingPathComponent(name)
        let written = FileManager.default.createFile(atPath: url.path, contents: Data(bytes))
        precondition(written, "cannot write \(url.path)")
        return url.path
    }
}

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
