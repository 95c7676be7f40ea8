import SiklusMessages

extension LoadReport {
    /// Why rows were skipped (catalog keys `load.reason.`); the key the loader tallies them under.
    public enum SkipReason: LoadSentence, Hashable {
        /// A quoted field swallowed the lines after it that look like rows (a stray quote).
        case swallowedRows
        case fieldCount(expected: Int, found: Int)
        case textAfterQuote
        /// A text value too long to be one.
        case tooLong(column: String, bytes: Int)
        /// A value that is not what its column holds.
        case unexpected(column: String, expected: Expectation)
        case emptyCustomer

        public func phrase(in language: Language) -> (key: String, arguments: [String: String]) {
            switch self {
            case .swallowedRows: ("load.reason.swallows", [:])
            case .fieldCount(let expected, let found): ("load.reason.fields", ["expected": String(expected), "found": String(found)])
            case .textAfterQuote: ("load.reason.text_after_quote", [:])
            case .tooLong(let column, let bytes): ("load.reason.too_long", ["column": column, "bytes": String(bytes)])
            case .unexpected(let column, let expected): ("load.reason.expected", ["column": column, "what": expected.text(in: language)])
            case .emptyCustomer: ("load.reason.empty_customer", [:])
            }
        }
    }

    /// What a column's values were expected to look like (catalog keys `load.expect.`).
    public enum Expectation: LoadSentence, Hashable {
        case customerID, text, integer, number, compactDate, epochSeconds, epochMilliseconds, anything
        /// An ISO 8601 date or date-time.
        case isoTime
        /// A `format col="%d/%m/%Y"` pattern.
        case pattern(String)

        public func phrase(in language: Language) -> (key: String, arguments: [String: String]) {
            switch self {
            case .customerID: ("load.expect.customer", [:])
            case .text: ("load.expect.text", [:])
            case .integer: ("load.expect.integer", [:])
            case .number: ("load.expect.number", [:])
            case .compactDate: ("load.expect.compact_date", [:])
            case .epochSeconds: ("load.expect.epoch_seconds", [:])
            case .epochMilliseconds: ("load.expect.epoch_ms", [:])
            case .anything: ("load.expect.anything", [:])
            case .isoTime: ("load.expect.iso_time", [:])
            case .pattern(let format): ("load.expect.pattern", ["format": format])
            }
        }
    }
}
