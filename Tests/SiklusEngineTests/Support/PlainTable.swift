@testable import SiklusEngine
import SiklusLanguage

/// A deterministic plain-text rendering of results for golden files: full-precision numbers, one row
/// per line, so a changed digit anywhere shows up in a diff.
enum PlainTable {
    /// `shape`, `title`, a header of `name:unit` columns, then one line per row with cells joined by ` | `.
    static func render(_ table: ResultTable) -> String {
        var lines = ["shape: \(table.shape.rawValue)"]
        if let title = table.title { lines.append("title: \(title)") }
        lines += table.notes
        lines.append(table.columns.map { "\($0.name):\($0.unit.rawValue)" }.joined(separator: " | "))
        for row in 0..<table.rowCount {
            lines.append(table.columns.map { cell($0.values, row) }.joined(separator: " | "))
        }
        lines.append("(\(table.rowCount) row\(table.rowCount == 1 ? "" : "s"))")
        return lines.joined(separator: "\n")
    }

    /// The guardrails' warnings and notes (issue 15), each rendered as the shell shows it, one per line.
    static func warnings(_ table: ResultTable, in source: SourceFile) -> String {
        table.warnings.map { $0.render(in: source, color: false) + "\n" }.joined()
    }

    static func cell(_ values: ColumnValues, _ row: Int) -> String {
        switch values {
        case .text(let v): return v[row] ?? "NULL"
        case .integer(let v): return v[row].map { String($0) } ?? "NULL"
        case .number(let v): return v[row].map { String(describing: $0) } ?? "NULL"
        }
    }

    /// One outcome of `Session.run` as text: the statement, then its output or its diagnostic.
    static func render(_ outcome: StatementOutcome, in source: SourceFile) -> String {
        switch outcome {
        case .failure(let diagnostic):
            return "! " + diagnostic.render(in: source, color: false)
        case .output(let output, let span):
            let head = "> " + source[span]
            switch output {
            case .table(let table): return head + "\n" + warnings(table, in: source) + render(table)
            case .plot(let table): return head + "\nplot\n" + warnings(table, in: source) + render(table)
            case .export(let table, let path, _): return head + "\nexport to \(path)\n" + warnings(table, in: source) + render(table)
            case .load(let report): return head + "\n" + report.render(includeTiming: false)
            // Text may quote the files' absolute paths (explain's SQL): make it independent of the checkout's place.
            case .text(let text), .note(let text): return head + "\n" + text.replacingOccurrences(of: TestPaths.packageRoot.path + "/", with: "<repo>/")
            }
        }
    }
}
