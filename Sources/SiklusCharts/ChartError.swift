import Foundation
import SiklusEngine
import SiklusLanguage

/// Why a result could not be charted or exported. `description` is the message shown to the user,
/// so every case carries what was wrong and, where it helps, what would have worked.
public enum ChartError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// The result has no chart (a plain table without exactly one label and one number column).
    case noChart(reason: String)
    /// A column the result's shape requires is missing.
    case missingColumn(name: String, shape: ResultShape, available: [String])
    /// A column holds the wrong type of values for its role in the chart.
    case wrongColumnType(name: String, expected: String, found: String)
    /// The result has no rows, or no values that could be drawn.
    case empty(shape: ResultShape)
    /// The requested size is smaller than the chart can be drawn in without wrapping.
    case tooSmall(kind: ChartKind, width: Int, height: Int, minWidth: Int, minHeight: Int)
    /// The chart would exceed `ChartLimits` (`size` against `limit`); `hint` says how to shrink the result.
    case tooLarge(kind: ChartKind, size: String, limit: String, hint: String)
    /// An export path whose extension names no format we write.
    case unsupportedFormat(path: String, ext: String)

    /// The user-facing message.
    public var description: String {
        switch self {
        case .noChart(let reason):
            return "this result has no chart: \(reason)"
        case .missingColumn(let name, let shape, let available):
            let list = available.isEmpty ? "none" : MessageCatalog.listing(available)
            return "cannot chart this \(shape.rawValue) result: it has no '\(name)' column (columns: \(list))"
        case .wrongColumnType(let name, let expected, let found):
            return "cannot chart column '\(name)': expected \(expected) values, found \(found)"
        case .empty(let shape):
            return "nothing to plot: the \(shape.rawValue) result has no values"
        case .tooSmall(let kind, let width, let height, let minWidth, let minHeight):
            return "a \(kind.displayName) needs at least \(minWidth)×\(minHeight) characters; "
                + "the terminal is \(width)×\(height)"
        case .tooLarge(let kind, let size, let limit, let hint):
            return "this result is too large for a \(kind.displayName): \(size), at most \(limit) are drawn; \(hint) "
                + "(the full table can still be shown, or exported as .csv)"
        case .unsupportedFormat(let path, let ext):
            let what = ext.isEmpty ? "has no extension" : "has extension '.\(ext)'"
            let supported = ReportExporter.supportedExtensions.map { "." + $0 }
            return "cannot export to '\(path)': it \(what); use \(TerminalLayout.list(supported).replacingOccurrences(of: " and ", with: " or "))"
        }
    }

    /// Foundation's name for `description`, so `localizedDescription` shows the same message.
    public var errorDescription: String? { description }
}
