import SiklusLanguage
import SiklusEngine

/// Customers split across lifecycle stages, in lifecycle order.
struct StageShareModel: Equatable {
    struct Entry: Equatable {
        var stage: String
        var customers: Double?
        /// Percent of all customers (0–100).
        var share: Double
    }

    /// The lifecycle order stages are drawn in; other names follow in the order they came.
    static let lifecycle = ["awareness", "education", "consideration", "purchase", "retention", "advocacy", "churn", "lapsed"]

    var title: String
    var entries: [Entry]
    /// Sum of customers over all stages, nil when the result has no counts.
    var total: Double?
}

extension StageShareModel {
    /// Reads a `.stageShare` table: `stage`, `customers`, `share`. A missing share is computed
    /// from the counts, so either column alone is enough.
    init(stageShare table: ResultTable) throws {
        try table.requireRows()
        let stage = try table.required("stage")
        let customers = table.column("customers")
        let share = table.column("share")
        guard customers != nil || share != nil else {
            throw ChartError.missingColumn(name: "share", shape: table.shape, available: table.columns.map(\.name))
        }
        for column in [customers, share].compactMap({ $0 }) where !column.isNumeric {
            throw ChartError.wrongColumnType(name: column.name, expected: "numeric", found: column.kindDescription)
        }
        let counts = (0..<table.rowCount).map { customers?.number(at: $0) }
        let total = customers == nil ? nil : counts.compactMap { $0 }.reduce(0, +)
        var entries = (0..<table.rowCount).map { row -> Entry in
            let computed = total.flatMap { total in counts[row].map { total > 0 ? $0 / total * 100 : 0 } }
            return Entry(stage: stage.label(at: row) ?? "(none)", customers: counts[row],
                         share: share?.number(at: row) ?? computed ?? 0)
        }
        entries = entries.enumerated().sorted { a, b in
            let ra = Self.lifecycle.firstIndex(of: a.element.stage.lowercased()) ?? Self.lifecycle.count + a.offset
            let rb = Self.lifecycle.firstIndex(of: b.element.stage.lowercased()) ?? Self.lifecycle.count + b.offset
            return ra < rb
        }.map(\.element)
        let described = total.map { MessageCatalog.text("chart.total_customers", ["count": ValueFormatter.groupedCount($0)]) } ?? ""
        self.init(title: table.title?.text(in: .current) ?? MessageCatalog.text("chart.customers_by_stage") + described, entries: entries, total: total)
    }

    /// Splits `width` cells among the entries in proportion to their shares (largest remainder),
    /// giving every non-zero share at least one cell when there is room, so none vanishes.
    func segmentWidths(total width: Int) -> [Int] {
        let shares = entries.map { max(0, $0.share) }
        let sum = shares.reduce(0, +)
        guard sum > 0, width > 0 else { return shares.map { _ in 0 } }
        let exact = shares.map { $0 / sum * Double(width) }
        var widths = exact.map { Int($0.rounded(.down)) }
        let order = exact.indices.sorted { (exact[$0] - Double(widths[$0])) > (exact[$1] - Double(widths[$1])) }
        for index in order.prefix(width - widths.reduce(0, +)) { widths[index] += 1 }
        for index in widths.indices where widths[index] == 0 && shares[index] > 0 {
            guard let donor = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[donor] > 1 else { break }
            widths[donor] -= 1
            widths[index] = 1
        }
        return widths
    }
}
