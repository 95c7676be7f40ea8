import SiklusPlan
import XCTest

extension ResultTable {
    /// The values of column `name` as optional doubles (integers converted, text parsed), for arithmetic
    /// checks; a missing column fails the test.
    public func numbers(_ name: String, file: StaticString = #filePath, line: UInt = #line) -> [Double?] {
        guard let column = column(name) else {
            XCTFail("no column \(name) in \(columns.map(\.name))", file: file, line: line)
            return []
        }
        switch column.values {
        case .integer(let v): return v.map { $0.map(Double.init) }
        case .number(let v): return v
        case .text(let v): return v.map { $0.flatMap(Double.init) }
        }
    }

    /// The values of text column `name`; a missing or non-text column fails the test.
    public func texts(_ name: String, file: StaticString = #filePath, line: UInt = #line) -> [String?] {
        guard let column = column(name), case .text(let v) = column.values else {
            XCTFail("no text column \(name) in \(columns.map(\.name))", file: file, line: line)
            return []
        }
        return v
    }
}
