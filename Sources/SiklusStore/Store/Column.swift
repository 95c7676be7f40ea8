/// The type a loaded column was detected (or told) to have.
public enum ColumnType: String, Sendable, Equatable, CaseIterable {
    case int, float, date, datetime, string
}

/// A column's values, typed per column: never a per-cell enum.
public enum ColumnData: Sendable, Equatable {
    /// `int` values, or `date`/`datetime` values as Unix seconds (UTC).
    case int64([Int64])
    /// `float` values.
    case double([Double])
    /// `string` values as codes into `Store.strings`; `StringDictionary.null` (-1) is missing.
    case code([Int32])

    public var count: Int {
        switch self {
        case .int64(let v): v.count
        case .double(let v): v.count
        case .code(let v): v.count
        }
    }
}

/// One named, typed column. Missing `int64`/`double` values are marked in `nulls`.
public struct Column: Sendable, Equatable {
    public var name: String
    public var type: ColumnType
    public var data: ColumnData
    /// `nulls[i]` is true when row `i` has no value; `nil` when no value is missing.
    public var nulls: [Bool]?

    public init(name: String, type: ColumnType, data: ColumnData, nulls: [Bool]? = nil) {
        self.name = name
        self.type = type
        self.data = data
        self.nulls = nulls
    }

    public var count: Int { data.count }

    /// True when row `i` has no value.
    @inlinable
    public func isNull(_ i: Int) -> Bool {
        if case .code(let codes) = data { return codes[i] < 0 }
        return nulls?[i] ?? false
    }

    /// An all-null column of `count` rows with the given type.
    public static func empty(name: String, type: ColumnType, count: Int) -> Column {
        switch type {
        case .string:
            return Column(name: name, type: type, data: .code(Array(repeating: StringDictionary.null, count: count)))
        case .float:
            return Column(name: name, type: type, data: .double(Array(repeating: 0, count: count)), nulls: count == 0 ? nil : Array(repeating: true, count: count))
        case .int, .date, .datetime:
            return Column(name: name, type: type, data: .int64(Array(repeating: 0, count: count)), nulls: count == 0 ? nil : Array(repeating: true, count: count))
        }
    }
}
