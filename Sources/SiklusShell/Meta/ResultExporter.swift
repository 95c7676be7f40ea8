import Foundation
import SiklusEngine

/// A failed `.export`, with suggestions.
public struct ExportError: Error, Sendable, Equatable {
    /// What went wrong, e.g. "unknown export format `.xlsx`".
    public var message: String
    /// Suggested fixes, each shown on a `help:` line.
    public var hints: [String]

    public init(message: String, hints: [String] = []) {
        self.message = message
        self.hints = hints
    }
}

/// Writes a result to a file in the format its extension names: `.csv`, `.tsv`, `.json`, `.md`
/// (exact values, like the output modes), or `.svg`/`.html` drawn by SiklusCharts.
public enum ResultExporter {
    /// The output mode used for each data file extension.
    static let dataFormats: [String: OutputMode] = ["csv": .csv, "tsv": .tsv, "json": .json, "md": .markdown, "markdown": .markdown]

    /// Writes `table` to `path`; `present` draws a chart for a projector (`.present on`).
    public static func export(_ table: ResultTable, to path: String, query: String, charts: ChartExporting, present: Bool = false) throws {
        let ext = (path as NSString).pathExtension.lowercased()
        if let format = ChartFileFormat(rawValue: ext) {
            try charts.export(table, format: format, query: query, to: path, present: present)
            return
        }
        guard let mode = dataFormats[ext] else {
            let known = (dataFormats.keys.filter { $0 != "markdown" }.sorted() + ChartFileFormat.allCases.map(\.rawValue))
            throw ExportError(message: ext.isEmpty ? "cannot tell the export format of `\(path)`" : "unknown export format `.\(ext)`",
                              hints: ["use one of " + known.map { ".\($0)" }.joined(separator: ", ")])
        }
        try write(mode.renderer.render(table, options: RenderOptions()), to: path)
    }

    /// Writes `contents` to `path` through `ExportDestination.open`, the one rule every export format
    /// and `.output` follow (a symlink is written through; a FIFO with no reader is an error); the
    /// writes and the close are checked.
    static func write(_ contents: String, to path: String) throws(ExportError) {
        let file: FileDescriptorOutput
        do {
            file = try ExportDestination.open(path)
        } catch {
            throw ExportError(message: error.description)
        }
        file.write(contents)
        do {
            try file.finish()
        } catch {
            throw ExportError(message: error.description)
        }
    }
}
