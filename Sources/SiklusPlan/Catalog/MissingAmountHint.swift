import SiklusMessages

/// Why the events have no amount, kept as a value and worded only when an error needs it, in the session's
/// language then: the `map amount=` fix for the files loaded, or for an engine table bound without one.
public enum MissingAmountHint: Sendable, Equatable {
    /// Loaded files: the events file loaded last, the money-named column to map (if any: an order number is
    /// numeric too, so it is never guessed), and every numeric events column without a role.
    case files(path: String?, suggested: String?, candidates: [String])
    /// An engine's table bound as the events without an amount column.
    case engineTable(String)

    /// The hints of a "needs the amount role" error.
    public var hints: [String] {
        switch self {
        case .files(let path, let suggested, let candidates):
            var hints = [MessageCatalog.text("hint.amount.load_mapped", ["file": "\"\(path ?? "file.csv")\"", "column": suggested ?? "<column>"])]
            if !candidates.isEmpty { hints.append(MessageCatalog.text("hint.amount.columns", ["columns": candidates.joined(separator: ", ")])) }
            return hints
        case .engineTable(let table):
            return [MessageCatalog.text("hint.amount.bind_mapped", ["table": table])]
        }
    }
}
