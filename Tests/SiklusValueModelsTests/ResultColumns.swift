import SiklusEngine
import SiklusLanguage
import XCTest

extension ResultTable {
    /// Column `name` as optional doubles (integers converted); a missing column fails the test.
    func numbers(_ name: String, file: StaticString = #filePath, line: UInt = #line) -> [Double?] {
        switch column(name)?.values {
        case .integer(let v)?: return v.map { $0.map(Double.init) }
        case .number(let v)?: return v
        default:
            XCTFail("no numeric column \(name) in \(columns.map(\.name))", file: file, line: line)
            return []
        }
    }

    /// Text column `name`; a missing column fails the test.
    func texts(_ name: String, file: StaticString = #filePath, line: UInt = #line) -> [String?] {
        guard case .text(let v)? = column(name)?.values else {
            XCTFail("no text column \(name) in \(columns.map(\.name))", file: file, line: line)
            return []
        }
        return v
    }

    /// The `estimate` of `parameter` in a `clv params` table.
    func estimate(_ model: String, _ parameter: String) -> Double? {
        let models = texts("model"), parameters = texts("parameter"), estimates = numbers("estimate")
        return models.indices.first { models[$0] == model && parameters[$0] == parameter }.flatMap { estimates[$0] }
    }
}

/// |a − b| ≤ tolerance × max(|b|, floor): a relative comparison that stays meaningful near zero.
func assertClose(_ a: Double?, _ b: Double?, relative tolerance: Double, floor: Double = 1e-9, _ message: String = "",
                 file: StaticString = #filePath, line: UInt = #line) {
    guard let a, let b else { return XCTFail("missing value: \(String(describing: a)) vs \(String(describing: b)) \(message)", file: file, line: line) }
    XCTAssertLessThanOrEqual(abs(a - b), tolerance * max(abs(b), floor), "\(a) vs \(b) \(message)", file: file, line: line)
}

extension Session {
    /// The diagnostic of the first failing statement of `text`, or nil when every statement succeeds.
    func failure(_ text: String) -> Diagnostic? {
        var found: Diagnostic?
        run(SourceFile(name: "<test>", text: text)) { outcome in
            if case .failure(let d) = outcome { found = d; return false }
            return true
        }
        return found
    }
}

/// The text of `text` a diagnostic's span covers.
func spanned(_ text: String, _ diagnostic: Diagnostic?) -> String? {
    guard let span = diagnostic?.span else { return nil }
    return String(decoding: Array(text.utf8)[span.start..<span.end], as: UTF8.self)
}
