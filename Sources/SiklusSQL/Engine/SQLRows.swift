/// The type of a column fetched from (or written to) an engine, as Siklus reads it.
public enum SQLValueType: String, Sendable, Equatable {
    case text, integer, number, timestamp, boolean
}

/// A column's values, typed; nil is SQL NULL. Timestamps are Unix seconds (UTC), as in the store.
public enum SQLColumnValues: Sendable, Equatable {
    case text([String?])
    /// Text as dictionary codes (-1 = NULL) into `strings`: how the store holds text, so a table can be
    /// written to an engine without one `String` per cell.
    case dictionary(codes: [Int32], strings: [String])
    case integer([Int64?])
    case number([Double?])
    case timestamp([Int64?])
    case boolean([Bool?])

    public var count: Int {
        switch self {
        case .text(let v): v.count
        case .dictionary(let codes, _): codes.count
        case .integer(let v): v.count
        case .number(let v): v.count
        case .timestamp(let v): v.count
        case .boolean(let v): v.count
        }
    }

    public var type: SQLValueType {
        switch self {
        case .text, .dictionary: .text
        case .integer: .integer
        case .number: .number
        case .timestamp: .timestamp
        case .boolean: .boolean
        }
    }
}

/// A named, typed column of a result or of a table to create.
public struct SQLColumn: Sendable, Equatable {
    public var name: String
    public var values: SQLColumnValues

    public init(name: String, values: SQLColumnValues) {
        self.name = name
        self.values = values
    }
}

/// The rows a query returned, column by column.
public struct SQLRows: Sendable, Equatable {
    public var columns: [SQLColumn]

    public init(columns: [SQLColumn]) { self.columns = columns }

    public var rowCount: Int { columns.first?.values.count ?? 0 }
}

/// A column of an existing engine table: its name and the type Siklus reads it as.
public struct SQLTableColumn: Sendable, Equatable {
    public var name: String
    public var type: SQLValueType

    public init(name: String, type: SQLValueType) {
        self.name = name
        self.type = type
    }
}
