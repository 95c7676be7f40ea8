/// The retention kind options in words, for the logical plan and `explain`.
package enum RetentionKindText {
    /// `start login (first time), rolling 7-day weeks, brackets 1 | 2-7, min 2 events, value revenue, detail`.
    package static func describe(_ r: LogicalQuery.Retention) -> String {
        var parts: [String] = []
        if let start = r.kind.start {
            parts.append("start \(LogicalQuery.Retention.name(of: start)) (\(r.kind.recurring ? "recurring: every period with one" : "first time"))")
        }
        if r.kind.rolling, let length = LogicalQuery.Retention.rollingLength(r.period) {
            parts.append("rolling \(length / 86_400)-day periods from each anchor")
        }
        if let brackets = r.kind.brackets {
            let columns = RetentionColumns(maxAge: nil, horizon: nil, brackets: brackets)
            parts.append("columns " + (0..<columns.count).map(columns.name).joined(separator: " | "))
        }
        if r.kind.minEvents > 1 { parts.append("a period counts with at least \(r.kind.minEvents) return events") }
        if r.kind.value != .customers { parts.append("cells sum \(r.kind.value.rawValue)") }
        if r.kind.detail { parts.append("with each cell's base") }
        return parts.joined(separator: ", ")
    }
}
