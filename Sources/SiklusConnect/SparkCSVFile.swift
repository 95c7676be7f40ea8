import Foundation
import SiklusSQL

/// Writes typed columns as a CSV file that Spark reads back exactly with `SparkTempView`'s options:
/// a quoted header; text always quoted (quotes doubled; commas, newlines and any bytes kept); NULL as the
/// unquoted `nullMarker`, which no text cell equals (Spark's reader turns a field equal to `nullValue`
/// into NULL and a quoted empty field into ""); integers in decimal; numbers as their shortest round-trip
/// text (`NaN`, `Inf`, `-Inf` spelled as the reader expects); timestamps as `yyyy-MM-dd HH:mm:ss` UTC.
///
/// - Complexity: O(cells + text bytes), one pass, written in 1 MiB blocks.
struct SparkCSVFile {
    /// The text that stands for NULL in the file.
    let nullMarker: String
    /// Whether a text cell or a column name holds CR or LF: only then must Spark read the file with
    /// `multiLine`, which reads a file in one task (no split, no parallelism).
    let hasLineBreaks: Bool

    /// Writes `columns` to `path` (replacing it); an error naming the cell Spark could not hold (a
    /// timestamp outside years 1–9999) or the failed write.
    /// `isCancelled` (Ctrl-C) is asked every 4096 rows; a cancelled write throws a cancellation.
    static func write(_ columns: [SQLColumn], to path: String, isCancelled: () -> Bool = { false }) throws(SQLEngineError) -> SparkCSVFile {
        let marker = nullMarker(avoiding: columns)
        let file = SparkCSVFile(nullMarker: marker, hasLineBreaks: hasLineBreaks(columns))
        guard let handle = fopen(path, "wb") else {
            throw SQLEngineError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        var output = SparkBlockWriter(handle: handle, path: path)
        do throws(SQLEngineError) {
            output.append(columns.map { quoted($0.name) }.joined(separator: ","))
            output.append("\n")
            let encoders = columns.map { CellEncoder($0.values, nullMarker: marker) }
            for row in 0..<(columns.first?.values.count ?? 0) {
                if row & 4095 == 0, isCancelled() { throw SQLEngineError("load cancelled", isCancellation: true) }
                for (index, encoder) in encoders.enumerated() {
                    if index > 0 { output.append(byte: UInt8(ascii: ",")) }
                    try encoder.append(row: row, column: columns[index].name, to: &output)
                }
                output.append(byte: UInt8(ascii: "\n"))
                try output.flushIfFull()
            }
            try output.flush()
        } catch {
            fclose(handle)
            throw error
        }
        guard fclose(handle) == 0 else { throw SQLEngineError("cannot write \(path): \(String(cString: strerror(errno)))") }
        return file
    }

    /// `\u{1}N` (with a counter when some text cell is exactly that): a control character keeps it out of
    /// ordinary text, and the check makes the rare collision impossible.
    static func nullMarker(avoiding columns: [SQLColumn]) -> String {
        var texts = Set<String>()
        for column in columns {
            switch column.values {
            case .text(let values): texts.formUnion(values.lazy.compactMap { $0 }.filter { $0.hasPrefix("\u{1}N") })
            case .dictionary(_, let strings): texts.formUnion(strings.filter { $0.hasPrefix("\u{1}N") })
            default: break
            }
        }
        var marker = "\u{1}N", counter = 0
        while texts.contains(marker) {
            counter += 1
            marker = "\u{1}N\(counter)"
        }
        return marker
    }

    static func hasLineBreaks(_ columns: [SQLColumn]) -> Bool {
        func breaks(_ text: String) -> Bool { text.utf8.contains(10) || text.utf8.contains(13) }
        return columns.contains { column in
            switch column.values {
            case .text(let values): breaks(column.name) || values.contains { $0.map(breaks) ?? false }
            case .dictionary(_, let strings): breaks(column.name) || strings.contains(where: breaks)
            default: breaks(column.name)
            }
        }
    }

    /// A CSV field that always reads back as exactly `text` (never NULL, never trimmed).
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// One column's cells as CSV field bytes.
private struct CellEncoder {
    let values: SQLColumnValues
    let null: [UInt8]
    /// Dictionary strings quoted once, not once per row.
    let quotedStrings: [[UInt8]]

    init(_ values: SQLColumnValues, nullMarker: String) {
        self.values = values
        null = Array(nullMarker.utf8)
        if case .dictionary(_, let strings) = values {
            quotedStrings = strings.map { Array(SparkCSVFile.quoted($0).utf8) }
        } else {
            quotedStrings = []
        }
    }

    func append(row: Int, column: String, to output: inout SparkBlockWriter) throws(SQLEngineError) {
        switch values {
        case .text(let texts):
            guard let text = texts[row] else { return output.append(bytes: null) }
            output.appendQuoted(text)
        case .dictionary(let codes, _):
            let code = Int(codes[row])
            guard code >= 0 else { return output.append(bytes: null) }
            output.append(bytes: quotedStrings[code])
        case .integer(let integers):
            guard let value = integers[row] else { return output.append(bytes: null) }
            output.appendDecimal(value)
        case .number(let numbers):
            guard let value = numbers[row] else { return output.append(bytes: null) }
            output.append(value.isNaN ? "NaN" : value == .infinity ? "Inf" : value == -.infinity ? "-Inf" : value.description)
        case .timestamp(let seconds):
            guard let value = seconds[row] else { return output.append(bytes: null) }
            guard output.appendTimestamp(value) else {
                throw SQLEngineError("column \(column), row \(row + 1): the timestamp \(value) (Unix seconds) is outside Spark's years 1–9999")
            }
        case .boolean(let flags):
            guard let value = flags[row] else { return output.append(bytes: null) }
            output.append(value ? "true" : "false")
        }
    }
}

/// Buffers output and writes it in blocks, checking every write.
struct SparkBlockWriter {
    let handle: UnsafeMutablePointer<FILE>
    let path: String
    private var buffer: [UInt8] = []

    init(handle: UnsafeMutablePointer<FILE>, path: String) {
        self.handle = handle
        self.path = path
        buffer.reserveCapacity(1 << 20 + 4096)
    }

    mutating func append(_ text: String) { buffer.append(contentsOf: text.utf8) }
    mutating func append(bytes: [UInt8]) { buffer.append(contentsOf: bytes) }
    mutating func append(byte: UInt8) { buffer.append(byte) }

    /// `text` as a CSV field that reads back exactly: quoted, inner quotes doubled.
    mutating func appendQuoted(_ text: String) {
        buffer.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            buffer.append(byte)
            if byte == UInt8(ascii: "\"") { buffer.append(byte) }
        }
        buffer.append(UInt8(ascii: "\""))
    }

    mutating func appendDecimal(_ value: Int64) {
        if value < 0 { buffer.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let start = buffer.count
        repeat {
            buffer.append(UInt8(48 + magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        buffer[start...].reverse()
    }

    /// False (nothing written) when Spark cannot hold the timestamp.
    mutating func appendTimestamp(_ seconds: Int64) -> Bool {
        SparkTimestampText.append(seconds, to: &buffer)
    }

    mutating func flushIfFull() throws(SQLEngineError) {
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Writes what is buffered (the caller closes the file).
    mutating func flush() throws(SQLEngineError) {
        let written = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, handle) }
        guard written == buffer.count else { throw SQLEngineError("cannot write \(path): \(String(cString: strerror(errno)))") }
        buffer.removeAll(keepingCapacity: true)
    }
}
