import CLibPQ
import SiklusSQL

/// Collects the rows of one query from libpq results (in single-row mode: one result per row, then an
/// empty `PGRES_TUPLES_OK`), typed by each column's type OID and parsed from text. When a query string
/// holds several statements, the rows of the last one that returns rows are kept.
///
/// Memory is bounded: a result with more than `cellLimit` cells (rows × columns) or more than `byteLimit`
/// bytes of value text is refused with an error as soon as it passes the limit, before the rest arrives.
struct PostgresResultReader {
    let cellLimit: Int
    let byteLimit: Int
    /// True for statements run for their effect (`execute`): rows are counted against nothing and dropped.
    let discardsRows: Bool
    private var columns: [ColumnBuffer] = []
    private var rowCount = 0
    private var bytes = 0
    /// True between a statement's first row (or description) and its closing `PGRES_TUPLES_OK`.
    private var isOpen = false

    init(cellLimit: Int, byteLimit: Int) {
        self.cellLimit = cellLimit
        self.byteLimit = byteLimit
        discardsRows = false
    }

    /// A reader that keeps no rows.
    static var discarding: PostgresResultReader { PostgresResultReader(discardingRows: ()) }

    private init(discardingRows: Void) {
        cellLimit = 0
        byteLimit = 0
        discardsRows = true
    }

    /// Reads a `PGRES_SINGLE_TUPLE` or `PGRES_TUPLES_OK` result.
    mutating func read(_ result: OpaquePointer, closesStatement: Bool) throws(SQLEngineError) {
        guard !discardsRows else { return }
        if !isOpen {
            columns = (0..<PQnfields(result)).map { i in
                ColumnBuffer(name: String(cString: PQfname(result, i)), type: PostgresType.valueType(ofOID: PQftype(result, i)))
            }
            rowCount = 0
            bytes = 0
            isOpen = true
        }
        let rows = Int(PQntuples(result))
        if rows > 0 {
            guard (rowCount + rows) * max(columns.count, 1) <= cellLimit else {
                throw SQLEngineError("the result has more than \(cellLimit) cells (rows × columns), the limit for one query: aggregate further, add a `limit`, or select fewer columns")
            }
            for row in 0..<Int32(rows) {
                for column in columns.indices {
                    try append(result, row: row, column: column)
                }
            }
            rowCount += rows
            guard bytes <= byteLimit else {
                throw SQLEngineError("the result holds more than \(byteLimit >> 20) MiB of values, the limit for one query: aggregate further, add a `limit`, or select fewer columns")
            }
        }
        if closesStatement { isOpen = false }
    }

    /// The rows of the last statement that returned rows (no columns when none did).
    func rows() -> SQLRows {
        SQLRows(columns: columns.map(\.column))
    }

    private mutating func append(_ result: OpaquePointer, row: Int32, column: Int) throws(SQLEngineError) {
        let c = Int32(column)
        if PQgetisnull(result, row, c) == 1 {
            columns[column].appendNull()
            return
        }
        let length = Int(PQgetlength(result, row, c))
        bytes += length
        let text = UnsafeBufferPointer(start: UnsafeRawPointer(PQgetvalue(result, row, c)).assumingMemoryBound(to: UInt8.self), count: length)
        try columns[column].append(text, row: rowCount + Int(row))
    }
}

/// One result column being filled, in the array its type needs (timestamps as Unix seconds).
private struct ColumnBuffer {
    let name: String
    let type: SQLValueType
    var texts: [String?] = []
    var integers: [Int64?] = []
    var numbers: [Double?] = []
    var booleans: [Bool?] = []

    init(name: String, type: SQLValueType) {
        self.name = name
        self.type = type
    }

    var column: SQLColumn {
        switch type {
        case .text: SQLColumn(name: name, values: .text(texts))
        case .integer: SQLColumn(name: name, values: .integer(integers))
        case .number: SQLColumn(name: name, values: .number(numbers))
        case .timestamp: SQLColumn(name: name, values: .timestamp(integers))
        case .boolean: SQLColumn(name: name, values: .boolean(booleans))
        }
    }

    mutating func appendNull() {
        switch type {
        case .text: texts.append(nil)
        case .integer, .timestamp: integers.append(nil)
        case .number: numbers.append(nil)
        case .boolean: booleans.append(nil)
        }
    }

    /// Parses one value's text; an error names the column, the 1-based row and the text.
    mutating func append(_ text: UnsafeBufferPointer<UInt8>, row: Int) throws(SQLEngineError) {
        switch type {
        case .text:
            texts.append(String(decoding: text, as: UTF8.self))
        case .integer:
            guard let value = PostgresTextValue.integer(text) else { throw unreadable(text, row: row) }
            integers.append(value)
        case .number:
            guard let value = PostgresTextValue.number(text) else { throw unreadable(text, row: row) }
            numbers.append(value)
        case .boolean:
            guard let value = PostgresTextValue.boolean(text) else { throw unreadable(text, row: row) }
            booleans.append(value)
        case .timestamp:
            switch PostgresTextValue.timestamp(text) {
            case .success(let seconds): integers.append(seconds)
            case .failure(.infinite):
                throw SQLEngineError("column \"\(name)\" row \(row + 1) is the timestamp '\(String(decoding: text, as: UTF8.self))', which has no Unix time: filter it out (`WHERE isfinite(\(name))`) or map it to NULL")
            case .failure(.malformed): throw unreadable(text, row: row)
            }
        }
    }

    private func unreadable(_ text: UnsafeBufferPointer<UInt8>, row: Int) -> SQLEngineError {
        SQLEngineError("cannot read column \"\(name)\" row \(row + 1) as \(type.rawValue): '\(String(decoding: text.prefix(80), as: UTF8.self))'")
    }
}
