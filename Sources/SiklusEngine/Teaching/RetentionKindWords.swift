import SiklusLanguage

/// A retention's kind options in explain's plan line, in the current language: the logical plan's
/// `RetentionKindText` in English, the catalogs' `explain.kind.` words otherwise.
enum RetentionKindWords {
    static func describe(_ r: LogicalQuery.Retention) -> String {
        guard Language.current != .en else { return RetentionKindText.describe(r) }
        var parts: [String] = []
        if let start = r.kind.start {
            parts.append(MessageCatalog.text(r.kind.recurring ? "explain.kind.start_recurring" : "explain.kind.start_first",
                                             ["event": LogicalQuery.Retention.name(of: start)]))
        }
        if r.kind.rolling, let length = LogicalQuery.Retention.rollingLength(r.period) {
            parts.append(MessageCatalog.text("explain.kind.rolling", ["days": String(length / 86_400)]))
        }
        if let brackets = r.kind.brackets {
            let columns = RetentionColumns(maxAge: nil, horizon: nil, brackets: brackets)
            parts.append(MessageCatalog.text("explain.kind.columns", ["columns": (0..<columns.count).map(columns.name).joined(separator: " | ")]))
        }
        if r.kind.minEvents > 1 { parts.append(MessageCatalog.text("explain.kind.min_events", ["count": String(r.kind.minEvents)])) }
        if r.kind.value != .customers { parts.append(MessageCatalog.text("explain.kind.value", ["value": r.kind.value.rawValue])) }
        if r.kind.detail { parts.append(MessageCatalog.text("explain.kind.detail")) }
        return parts.joined(separator: ", ")
    }
}
