import SiklusSQL

/// Reads a query's rows as the bridge encodes them (`encode` in `SparkBridgeScript`): column after column,
/// little-endian; integers and timestamps as Int64, numbers as Float64 bits (exact), booleans one byte each
/// (0, 1, 2 = NULL), text as Int32 byte lengths then the UTF-8 bytes. Every column but booleans starts
/// with one NULL flag byte per row.
struct SparkResultDecoder {
    private let bytes: [UInt8]
    private var offset = 0

    /// Decodes `rowCount` rows of `columns` from `payload`; an error when the payload does not hold them
    /// exactly (a bridge bug, never silently short data).
    static func decode(_ payload: [UInt8], columns: [SparkColumnHeader], rowCount: Int) throws(SQLEngineError) -> SQLRows {
        var decoder = SparkResultDecoder(bytes: payload)
        var result: [SQLColumn] = []
        for column in columns {
            guard let type = SQLValueType(rawValue: column.type) else {
                throw SQLEngineError("the Spark bridge sent column \(column.name) with unknown type \(column.type)")
            }
            result.append(SQLColumn(name: column.name, values: try decoder.values(type, count: rowCount, of: column.name)))
        }
        guard decoder.offset == payload.count else {
            throw SQLEngineError("the Spark bridge sent \(payload.count - decoder.offset) bytes more than its \(rowCount) rows")
        }
        return SQLRows(columns: result)
    }

    private mutating func values(_ type: SQLValueType, count: Int, of name: String) throws(SQLEngineError) -> SQLColumnValues {
        if type == .boolean {
            let flags = try slice(count, of: name)
            return .boolean(flags.map { $0 == 2 ? nil : $0 == 1 })
        }
        let nulls = Array(try slice(count, of: name))
        switch type {
        case .integer, .timestamp:
            let words = try slice(8 * count, of: name)
            let values: [Int64?] = (0..<count).map { nulls[$0] != 0 ? nil : Int64(bitPattern: Self.word(words, at: 8 * $0)) }
            return type == .integer ? .integer(values) : .timestamp(values)
        case .number:
            let words = try slice(8 * count, of: name)
            return .number((0..<count).map { nulls[$0] != 0 ? nil : Double(bitPattern: Self.word(words, at: 8 * $0)) })
        default:
            let lengthBytes = try slice(4 * count, of: name)
            var strings: [String?] = []
            strings.reserveCapacity(count)
            for row in 0..<count {
                let length = Int(Int32(bitPattern: UInt32(truncatingIfNeeded: Self.word(lengthBytes, at: 4 * row, size: 4))))
                guard length >= 0 else { throw SQLEngineError("the Spark bridge sent a negative text length in \(name)") }
                let text = try slice(length, of: name)
                strings.append(nulls[row] != 0 ? nil : String(decoding: text, as: UTF8.self))
            }
            return .text(strings)
        }
    }

    private mutating func slice(_ count: Int, of name: String) throws(SQLEngineError) -> ArraySlice<UInt8> {
        guard count <= bytes.count - offset else {
            throw SQLEngineError("the Spark bridge sent a short result (column \(name))")
        }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    private static func word(_ bytes: ArraySlice<UInt8>, at position: Int, size: Int = 8) -> UInt64 {
        let start = bytes.startIndex + position
        var value: UInt64 = 0
        for index in (0..<size).reversed() { value = value << 8 | UInt64(bytes[start + index]) }
        return value
    }
}
