import SiklusLanguage

extension ExplainDetail {
    /// The last line of a shorter `explain`: which forms show the parts it left out (nil for `all`).
    var moreLine: String? {
        switch self {
        case .short: MessageCatalog.text("explain.more_short")
        case .sql: MessageCatalog.text("explain.more_sql")
        case .tree: MessageCatalog.text("explain.more_tree")
        case .all: nil
        }
    }
}
