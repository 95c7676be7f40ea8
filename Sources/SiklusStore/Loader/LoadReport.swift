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
        public var reason: String
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
    public var notes: [String]
    /// Wall-clock seconds.
    public var elapsed: Double

    public var rowsSkipped: Int { skipped.reduce(0) { $0 + $1.count } }

    /// A human-readable report; `includeTiming: false` gives stable text for golden tests.
    public func render(includeTiming: Bool = true) -> String {
        let name = (path as NSString).lastPathComponent
        var lines: [String] = []
        var head = "loaded \(table.rawValue) from \(name): \(rowsLoaded) rows, \(distinctCustomers) customers"
        if let span = timeSpan {
            head += ", \(CivilTime.formatDate(span.lowerBound)) .. \(CivilTime.formatDate(span.upperBound))"
        }
        if includeTiming { head += String(format: " in %.3f s", elapsed) }
        lines.append(head)
        let delimiterName: String = switch delimiter {
        case UInt8(ascii: ","): "comma"
        case UInt8(ascii: ";"): "semicolon"
        case UInt8(ascii: "\t"): "tab"
        case UInt8(ascii: "|"): "pipe"
        case UInt8(ascii: " "): "spaces"
        default: "0x" + String(delimiter, radix: 16)
        }
        lines.append("  delimiter: \(delimiterName)")
        let width = columns.map(\.name.count).max() ?? 0
        for column in columns {
            let padded = column.name.padding(toLength: width, withPad: " ", startingAt: 0)
            let type = column.type.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
            let role = column.role.map { "  role \($0.rawValue)" } ?? ""
            lines.append(("  column \(padded)  \(type)\(role)").trimmingSuffixSpaces())
        }
        for skip in skipped {
            let shown = skip.firstLines.map(String.init).joined(separator: ", ")
            let more = skip.count > skip.firstLines.count ? ", …" : ""
            lines.append("  skipped \(skip.count) rows: \(skip.reason) (lines \(shown)\(more))")
        }
        for note in notes { lines.append("  note: \(note)") }
        return lines.joined(separator: "\n")
    }
}

extension String {
    func trimmingSuffixSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
