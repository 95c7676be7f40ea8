/// How the fast path turns one field into a value.
enum FieldKind: Sendable, Equatable {
    /// Customer id: interned into the customer dictionary as text; an empty id skips the row.
    case customer
    /// Text: interned into the string dictionary.
    case string
    case int
    case float
    /// ISO 8601 date or date-time.
    case isoTime
    /// `20220914`.
    case compactDate
    /// A `format col="%d/%m/%Y"` pattern.
    case pattern([UInt8])
    case epochSeconds
    case epochMilliseconds
    /// Not stored (a second column claiming a role already taken is still kept; this is for nothing yet).
    case skip

    /// Whether the kind stores Int64 values.
    var storesInt64: Bool {
        switch self {
        case .int, .isoTime, .compactDate, .pattern, .epochSeconds, .epochMilliseconds: true
        default: false
        }
    }

    /// What a bad value of this kind was expected to look like, for error messages.
    var expectation: LoadReport.Expectation {
        switch self {
        case .customer: .customerID
        case .string: .text
        case .int: .integer
        case .float: .number
        case .isoTime: .isoTime
        case .compactDate: .compactDate
        case .pattern(let p): .pattern(String(decoding: p, as: UTF8.self))
        case .epochSeconds: .epochSeconds
        case .epochMilliseconds: .epochMilliseconds
        case .skip: .anything
        }
    }
}

/// One column of the file: its header name, how to parse it, its stored type and role.
struct PlannedColumn: Sendable {
    var name: String
    var kind: FieldKind
    var type: ColumnType
    var role: ColumnRole?
    /// A missing value skips the row (ts of events, date of spend).
    var required: Bool
}

/// Everything the chunk parsers need to know about a file.
struct LoadPlan: Sendable {
    var dialect: CSVDialect
    var columns: [PlannedColumn]
    /// Average bytes per record in the sample, to size buffers.
    var bytesPerRecord: Double
    /// Expected distinct customer ids in the whole file (from the sample), so the first chunk's dictionary
    /// is sized once: otherwise it rehashes as it grows and again when the other chunks are merged in.
    /// 0 (no estimate: the dictionaries grow as they fill) when the sample's ids are interleaved.
    var expectedCustomers = 0
    /// `ids=integer`: customer ids like `17850.0` are interned as `17850`.
    var integerIDs = false

    func index(of role: ColumnRole) -> Int? { columns.firstIndex { $0.role == role } }
}
