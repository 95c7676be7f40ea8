import SiklusEngine
import SiklusLanguage
import XCTest

extension ResultTable {
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

/// The text of `text` a diagnostic's span covers.
func spanned(_ text: String, _ diagnostic: Diagnostic?) -> String? {
    guard let span = diagnostic?.span else { return nil }
    return String(decoding: Array(text.utf8)[span.start..<span.end], as: UTF8.self)
}
