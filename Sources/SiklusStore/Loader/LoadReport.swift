import Foundation

/// What a load did: rows in and out, skipped rows by reason, customers, time span and columns.
public struct LoadReport: Sendable, Equatable {
    /// One column of the file as the loader understood it.
    public struct ColumnInfo: Sendable, Equatable {
        public var name: String
        public var type: ColumnType
        public var role: ColumnRole?
    }

    /// Rows skipped for one reason, with the first few physical line numbers.
    public struct Skipped: Sendable, Equatable {
        public var reason: SkipReason
        public var count: Int
        public var firstLines: [Int]
    }

    public var table: TableKind
    public var path: String
    public var delimiter: UInt8
    public var rowsLoaded: Int
    public var skipped: [Skipped]
    /// Distinct customer ids in this file.
    public var distinctCustomers: Int
    /// First and last timestamp (events: ts, customers: signup, spend: date), Unix seconds.
    public var timeSpan: ClosedRange<Int64>?
    public var columns: [ColumnInfo]
    /// Things worth knowing, e.g. "no event column: every row is a purchase".
    public var notes: [Note]
    /// Wall-clock seconds.
    public var elapsed: Double
    /// The file loaded (nil for reports made by hand).
    public var source: FileIdentity?
    /// True when nothing was loaded because this table already holds this file, unchanged.
    public var alreadyLoaded = false
    /// How many times the data was parsed: 1, or 2 when misjudged extra columns were re-planned as text
    /// (the cost bound tests assert; not shown in the report).
    public var passes = 1
    /// What the file held (size, sampled and maybe full hash), to recognise a copy of it later.
    public var fingerprint: ContentFingerprint?
    /// Set when nothing was loaded because the table holds a copy of this file: the earlier file's path,
    /// and whether the whole contents were compared (false: size and sampled blocks only, the earlier
    /// file being gone or changed).
    public var copyOf: (path: String, verified: Bool)?

    public var rowsSkipped: Int { skipped.reduce(0) { $0 + $1.count } }

    /// A human-readable report; `includeTiming: false` gives stable text for golden tests. `words` words
    /// each sentence (`Phrase`); English by default.
    public func render(includeTiming: Bool = true, words: (Phrase) -> String = \.english) -> String {
        let name = (path as NSString).lastPathComponent
        if let copyOf {
            return words(.copy(file: name, table: table.rawValue, earlier: copyOf.path, verified: copyOf.verified, path: path))
        }
        if alreadyLoaded { return words(.alreadyLoaded(file: name, table: table.rawValue)) }
        var lines: [String] = []
        var head = words(.loaded(table: table.rawValue, file: name, rows: rowsLoaded, customers: distinctCustomers))
        if let span = timeSpan {
            head += words(.span(from: CivilTime.formatDate(span.lowerBound), to: CivilTime.formatDate(span.upperBound)))
        }
        if includeTiming { head += words(.timing(seconds: String(format: "%.3f", elapsed))) }
        lines.append(head)
        let delimiterName: String = switch delimiter {
        case UInt8(ascii: ","): "comma"
        case UInt8(ascii: ";"): "semicolon"
        case UInt8(ascii: "\t"): "tab"
        case UInt8(ascii: "|"): "pipe"
        case UInt8(ascii: " "): "spaces"
        default: "0x" + String(delimiter, radix: 16)
        }
        lines.append("  " + words(.delimiter(name: words(.delimiterName(delimiterName)))))
        let width = columns.map(\.name.count).max() ?? 0
        for column in columns {
            let padded = column.name.padding(toLength: width, withPad: " ", startingAt: 0)
            let type = column.type.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
            lines.append(("  " + words(.column(name: padded, type: type, role: column.role?.rawValue))).trimmingSuffixSpaces())
        }
        for skip in skipped {
            let shown = skip.firstLines.map(String.init).joined(separator: ", ")
            let more = skip.count > skip.firstLines.count ? ", …" : ""
            lines.append("  " + words(.skipped(count: skip.count, reason: skip.reason, lines: shown + more)))
        }
        for note in notes { lines.append("  " + words(.note(note))) }
        return lines.joined(separator: "\n")
    }
}

extension LoadReport {
    public static func == (a: LoadReport, b: LoadReport) -> Bool {
        a.table == b.table && a.path == b.path && a.delimiter == b.delimiter && a.rowsLoaded == b.rowsLoaded && a.skipped == b.skipped
            && a.distinctCustomers == b.distinctCustomers && a.timeSpan == b.timeSpan && a.columns == b.columns && a.notes == b.notes
            && a.elapsed == b.elapsed && a.source == b.source && a.alreadyLoaded == b.alreadyLoaded && a.passes == b.passes
            && a.fingerprint == b.fingerprint && a.copyOf?.path == b.copyOf?.path && a.copyOf?.verified == b.copyOf?.verified
    }

    /// The report for a load skipped because the table holds a copy of this file, loaded by `earlier`.
    static func copy(of earlier: LoadReport, path: String, verified: Bool) -> LoadReport {
        var report = alreadyLoaded(earlier, path: path)
        report.copyOf = (earlier.path, verified)
        return report
    }

    /// The report for a load skipped because `earlier` already brought this file into the table.
    static func alreadyLoaded(_ earlier: LoadReport, path: String) -> LoadReport {
        LoadReport(table: earlier.table, path: path, delimiter: earlier.delimiter, rowsLoaded: 0, skipped: [], distinctCustomers: 0,
                   timeSpan: nil, columns: earlier.columns, notes: [], elapsed: 0, source: earlier.source, alreadyLoaded: true)
    }
}

extension String {
    func trimmingSuffixSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
