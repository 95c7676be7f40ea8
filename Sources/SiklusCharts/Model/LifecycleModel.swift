import SiklusLanguage
import SiklusEngine

/// A `lifecycle` result read for a chart: per period, the three active classes stacked above the axis and
/// dormant (stored negative) below it.
struct LifecycleModel: Equatable {
    struct Period: Equatable {
        var label: String
        /// new, returning, resurrecting (each ≥ 0).
        var active: [Double]
        /// Customers gone dormant, as a positive magnitude.
        var dormant: Double
    }

    /// The stacked classes, bottom up, then dormant.
    static let classes = ["new", "returning", "resurrecting", "dormant"]

    var title: String
    var periods: [Period]

    /// The tallest stack above the axis, and the deepest below it.
    var maxActive: Double { periods.map { $0.active.reduce(0, +) }.max() ?? 0 }
    var maxDormant: Double { periods.map(\.dormant).max() ?? 0 }
}

extension LifecycleModel {
    /// Reads a `.lifecycle` table: `period`, `new`, `returning`, `resurrecting`, `dormant`. A table split by
    /// groups has no single picture.
    init(lifecycle table: ResultTable) throws {
        let period = try table.required("period")
        let counts = try Self.classes.map { try table.requiredNumeric($0) }
        if let group = table.columns.first(where: { !$0.isNumeric && $0.name != "period" }) {
            throw ChartError.noChart(reason: "a lifecycle split by \(group.name) has several series; plot one group (`where …`) or drop the `by`")
        }
        try table.requireRows()
        let periods = (0..<table.rowCount).map { r in
            Period(label: period.label(at: r) ?? "(none)", active: counts.prefix(3).map { max(0, $0.number(at: r) ?? 0) },
                   dormant: abs(counts[3].number(at: r) ?? 0))
        }
        self.init(title: table.title?.text(in: .current) ?? MessageCatalog.text("chart.lifecycle_title"), periods: periods)
    }
}
