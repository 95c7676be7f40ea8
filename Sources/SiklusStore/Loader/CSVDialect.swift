/// How a CSV file is written: its delimiter and where the data starts.
struct CSVDialect: Sendable, Equatable {
    /// The field delimiter; a space means fields are separated by runs of spaces (aligned text).
    var delimiter: UInt8
    /// Byte offset of the header row (3 when a UTF-8 BOM precedes it).
    var headerStart: Int
    /// Byte offset of the first data row.
    var dataStart: Int
    /// Physical line number of the first data row.
    var dataLine: Int

    var isWhitespace: Bool { delimiter == UInt8(ascii: " ") }
}

/// A simple, allocation-happy record reader for the header and the sniffing sample.
/// The bulk of a file goes through `ChunkParser`, which applies the same rules without allocating.
struct CSVRecordReader {
    enum Failure: Error, Equatable {
        /// A quote opened at this offset never closes.
        case unterminatedQuote(at: Int)
        /// Text after a closing quote, at this offset.
        case textAfterQuote(at: Int)
    }

    let bytes: UnsafeRawBufferPointer
    let delimiter: UInt8

    /// Reads the record starting at `start`. Returns its fields (unescaped) and the offset after its
    /// line break; nil at end of input.
    func record(at start: Int) throws(Failure) -> (fields: [[UInt8]], next: Int)? {
        let n = bytes.count
        var p = start
        guard p < n else { return nil }
        var fields: [[UInt8]] = []
        let whitespace = delimiter == UInt8(ascii: " ")
        if whitespace { while p < n, bytes[p] == UInt8(ascii: " ") { p += 1 } }
        while true {
            var field: [UInt8] = []
            if p < n, bytes[p] == UInt8(ascii: "\"") {
                let open = p
                p += 1
                while true {
                    guard p < n else { throw .unterminatedQuote(at: open) }
                    if bytes[p] == UInt8(ascii: "\"") {
                        if p + 1 < n, bytes[p + 1] == UInt8(ascii: "\"") { field.append(UInt8(ascii: "\"")); p += 2; continue }
                        p += 1
                        break
                    }
                    field.append(bytes[p])
                    p += 1
                }
                if p < n, bytes[p] != delimiter, bytes[p] != UInt8(ascii: "\n"), bytes[p] != UInt8(ascii: "\r") {
                    throw .textAfterQuote(at: p)
                }
            } else {
                // Unquoted: find the end, then copy the field in one go.
                let fieldStart = p
                while p < n, bytes[p] != delimiter, bytes[p] != UInt8(ascii: "\n") { p += 1 }
                var fieldEnd = p
                if fieldEnd > fieldStart, bytes[fieldEnd - 1] == UInt8(ascii: "\r"), p >= n || bytes[p] == UInt8(ascii: "\n") { fieldEnd -= 1 }
                field = Array(UnsafeRawBufferPointer(rebasing: bytes[fieldStart..<fieldEnd]))
            }
            fields.append(field)
            if p < n, bytes[p] == delimiter {
                p += 1
                if whitespace {
                    while p < n, bytes[p] == UInt8(ascii: " ") { p += 1 }
                    if p >= n || bytes[p] == UInt8(ascii: "\n") || bytes[p] == UInt8(ascii: "\r") {
                        // Trailing spaces end the record in aligned text.
                        if p < n, bytes[p] == UInt8(ascii: "\r") { p += 1 }
                        return (fields, min(n, p + 1))
                    }
                }
                continue
            }
            if p < n, bytes[p] == UInt8(ascii: "\r") { p += 1 }
            return (fields, min(n, p + 1))
        }
    }
}
