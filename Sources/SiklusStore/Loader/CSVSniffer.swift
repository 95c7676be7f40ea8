/// Detects a file's dialect (delimiter, header) and column types from a sample, like DuckDB's sniffer:
/// try each candidate delimiter on the first records and keep the one giving the most columns
/// consistently; then find the narrowest type every sampled value of a column parses as.
struct CSVSniffer {
    let file: MappedFile
    let forcedDelimiter: UInt8?
    /// False: the first line is data (`header=false`).
    var hasHeader = true
    /// Names given for the columns (`columns=(…)`), replacing the header line's, if any.
    var names: [String]?

    /// The header names and the sampled values of each column.
    struct Sniffed {
        var dialect: CSVDialect
        var header: [String]
        /// `sample[column]` holds that column's values from the sampled records.
        var sample: [[[UInt8]]]
        var bytesPerRecord: Double
    }

    static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")]
    /// Bytes read from the start (and again from the end) of the file for type detection: about 10,000
    /// records of a typical events file each, in line with DuckDB's 20,480-row sample.
    static let sampleBytes = 1 << 19

    func sniff() throws -> Sniffed {
        let bytes = file.bytes
        let path = file.path
        var start = 0
        try checkUTF16()
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        guard bytes[start...].contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }) else {
            throw LoadError(path: path, .empty, help: .headerRowAndRecords)
        }
        try checkText(from: start)
        try checkLineBreaks(from: start)
        let delimiter = try forcedDelimiter ?? detectDelimiter(from: start)
        let reader = CSVRecordReader(bytes: bytes, delimiter: delimiter)
        guard let (headerFields, afterHeader) = try read(reader, at: start) else {
            throw LoadError(path: path, .empty, help: .headerRow)
        }
        let header = try columnNames(firstRecord: headerFields)
        let dataStart = hasHeader ? afterHeader : start
        let dataLine = 1 + bytes[start..<dataStart].lazy.filter { $0 == UInt8(ascii: "\n") }.count
        let dialect = CSVDialect(delimiter: delimiter, headerStart: start, dataStart: dataStart, dataLine: dataLine)

        // The head, and the tail resynchronised at a line break (it catches types that change late in big
        // files), are read concurrently: copying out some 20,000 records is most of the sniffing time.
        let headEnd = min(bytes.count, dataStart + Self.sampleBytes)
        var tailStart: Int?
        if bytes.count > headEnd + Self.sampleBytes {
            var q = bytes.count - Self.sampleBytes
            while q < bytes.count, bytes[q] != UInt8(ascii: "\n") { q += 1 }
            tailStart = q + 1
        }
        let columns = header.count
        let parts = Parallel.map(tailStart == nil ? 1 : 2) { part in
            Self.records(reader, from: part == 0 ? dataStart : tailStart!, to: part == 0 ? headEnd : bytes.count, columns: columns)
        }
        let records = parts[0].records
        let bytesPerRecord = records > 0 ? Double(parts[0].end - dataStart) / Double(records) : 64
        var sample = parts[0].columns
        if parts.count > 1 { for i in sample.indices { sample[i] += parts[1].columns[i] } }
        return Sniffed(dialect: dialect, header: header, sample: sample, bytesPerRecord: bytesPerRecord)
    }

    /// The header's names; the names given instead (as many as the first line has fields); or, for a
    /// file without a header, `column1`, `column2`, … (the roles then need `map`).
    private func columnNames(firstRecord fields: [[UInt8]]) throws -> [String] {
        if let names {
            guard names.count == fields.count else {
                throw LoadError(path: file.path, line: 1, .columnNamesCount(names: names.count, fields: fields.count),
                                help: .columnNames(count: fields.count, header: hasHeader))
            }
            return Self.names(names.map { Array($0.utf8) })
        }
        return hasHeader ? Self.names(fields) : (1...max(1, fields.count)).map { "column\($0)" }
    }

    /// The fields of the records starting before `end`, by column (records with the wrong field count are
    /// left out), how many were kept, and where reading stopped.
    private static func records(_ reader: CSVRecordReader, from start: Int, to end: Int, columns: Int) -> (columns: [[[UInt8]]], records: Int, end: Int) {
        var sample = Array(repeating: [[UInt8]](), count: columns)
        var records = 0
        var p = start
        while p < end, let (fields, next) = try? reader.record(at: p) {
            if fields.count == columns {
                for (i, f) in fields.enumerated() { sample[i].append(f) }
                records += 1
            }
            p = next
        }
        return (sample, records, p)
    }

    /// Rejects files whose lines end in a carriage return alone (classic Mac OS): read as one endless line
    /// they would load as a header of nonsense columns and no rows.
    private func checkLineBreaks(from start: Int) throws {
        let bytes = file.bytes
        let head = UnsafeRawBufferPointer(rebasing: bytes[start..<min(bytes.count, start + 65_536)])
        guard !head.contains(UInt8(ascii: "\n")), let cr = head.firstIndex(of: UInt8(ascii: "\r")), cr + 1 < head.count else { return }
        throw LoadError(path: file.path, line: 1, column: cr + 1,
                        .carriageReturnsInHeader,
                        help: .convertHeaderLineBreaks(file: String(file.path.split(separator: "/").last ?? "file.csv")))
    }

    private func read(_ reader: CSVRecordReader, at offset: Int) throws -> (fields: [[UInt8]], next: Int)? {
        do {
            return try reader.record(at: offset)
        } catch {
            let at: Int
            switch error {
            case .unterminatedQuote(let o): at = o
            case .textAfterQuote(let o): at = o
            }
            let (line, column) = lineAndColumn(of: at)
            throw LoadError(path: file.path, line: line, column: column,
                            error == .unterminatedQuote(at: at) ? .headerUnterminatedQuote : .headerTextAfterQuote,
                            help: .quoteHeaderField)
        }
    }

    /// Picks the candidate giving the most fields, consistently, over the first records; falls back to
    /// runs of spaces for aligned text, then to a single column.
    private func detectDelimiter(from start: Int) throws -> UInt8 {
        var best: (delimiter: UInt8, fields: Int, consistency: Double)?
        for candidate in Self.candidates + [UInt8(ascii: " ")] {
            let reader = CSVRecordReader(bytes: file.bytes, delimiter: candidate)
            var counts: [Int] = []
            var p = start
            while counts.count < 40, let (fields, next) = try? reader.record(at: p) {
                if !(fields.count == 1 && fields[0].isEmpty) { counts.append(fields.count) }
                p = next
            }
            guard let headerCount = counts.first, headerCount > 1 else { continue }
            let consistency = Double(counts.filter { $0 == headerCount }.count) / Double(counts.count)
            if candidate == UInt8(ascii: " "), best != nil { continue }
            if best == nil || consistency > best!.consistency + 0.05
                || (abs(consistency - best!.consistency) <= 0.05 && headerCount > best!.fields) {
                best = (candidate, headerCount, consistency)
            }
        }
        return best?.delimiter ?? UInt8(ascii: ",")
    }

    private func lineAndColumn(of offset: Int) -> (Int, Int) {
        let bytes = file.bytes
        var line = 1, lineStart = 0
        for i in 0..<min(offset, bytes.count) where bytes[i] == UInt8(ascii: "\n") { line += 1; lineStart = i + 1 }
        return (line, offset - lineStart + 1)
    }

    /// Header names: trimmed, blanks named `column_N`, duplicates suffixed `_2`, `_3`.
    static func names(_ fields: [[UInt8]]) -> [String] {
        var seen: [String: Int] = [:]
        return fields.enumerated().map { i, f in
            var name = String(decoding: f, as: UTF8.self).trimmingCharacters(in: .whitespaces)
            if name.isEmpty { name = "column_\(i + 1)" }
            let key = name.lowercased()
            if let n = seen[key] { seen[key] = n + 1; name += "_\(n + 1)" } else { seen[key] = 1 }
            return name
        }
    }
}

import Foundation
