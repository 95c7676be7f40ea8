import SiklusLanguage
import SiklusEngine

/// One or more funnels (one per cohort when the result is grouped), each a list of steps.
struct FunnelModel: Equatable {
    /// One step: how many customers reached it and how they converted.
    struct Step: Equatable {
        var name: String
        var customers: Double
        /// Percent of the previous step's customers (nil for the first step when not given).
        var fromPrevious: Double?
        /// Percent of the first step's customers.
        var fromFirst: Double?
        /// Median days from the previous step (nil for the first step).
        var medianDays: Double?
    }

    /// One funnel; `label` is its cohort value, nil for an ungrouped funnel.
    struct Funnel: Equatable {
        var label: String?
        var steps: [Step]

        /// The customers a full-length bar stands for: the first step, or the largest if the
        /// first is zero (a funnel can be read from a later entry point).
        var scale: Double {
            let first = steps.first?.customers ?? 0
            return first > 0 ? first : (steps.map(\.customers).max() ?? 0)
        }
    }

    var title: String
    /// Header of the group label ("cohort"), nil when ungrouped.
    var groupHeader: String?
    var funnels: [Funnel]

    /// Number of step bars across all funnels.
    var barCount: Int { funnels.reduce(0) { $0 + $1.steps.count } }
}

extension FunnelModel {
    /// Reads a `.funnel` table: `step`, `customers`, `from_previous`, `from_first`,
    /// `median_days`, optionally after a leading `cohort` column that splits it into funnels.
    init(funnel table: ResultTable) throws {
        try table.requireRows()
        let step = try table.required("step")
        let customers = try table.requiredNumeric("customers")
        // The rate columns are optional so a partial result still draws; bars need only counts.
        let previous = table.column("from_previous")
        let first = table.column("from_first")
        let median = table.column("median_days")
        let group = table.column("cohort")

        var funnels: [Funnel] = []
        for row in 0..<table.rowCount {
            let label = group.map { $0.label(at: row) ?? "(none)" }
            let item = Step(
                name: step.label(at: row) ?? "(none)",
                customers: customers.number(at: row) ?? 0,
                fromPrevious: previous?.number(at: row),
                fromFirst: first?.number(at: row),
                medianDays: median?.number(at: row))
            // Rows of one cohort are contiguous; a new label starts the next funnel.
            if let last = funnels.indices.last, funnels[last].label == label {
                funnels[last].steps.append(item)
            } else {
                funnels.append(Funnel(label: label, steps: [item]))
            }
        }
        let names = funnels.first?.steps.map(\.name) ?? []
        self.init(
            title: table.title?.text(in: .current) ?? MessageCatalog.text("chart.funnel_title", ["steps": names.joined(separator: " → ")]),
            groupHeader: group.map { ChartWords.header($0.name) }, funnels: funnels)
    }
}
