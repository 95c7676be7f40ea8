import SiklusLanguage
import SiklusStore

/// `metric stage_share`: where in-scope customers are as of as_of (churn, else lapsed, else the furthest
/// stage reached), as counts and shares; one block of a row per stage (eight) per group.
enum StageShare {
    static func build(scope: Scope, dimensions: [Dimension], _ context: EvalContext, span: SourceSpan?) throws(Diagnostic) -> ResultTable {
        guard dimensions.allSatisfy(\.isCustomerLevel), let keys = GroupKeys(dimensions) else {
            throw Diagnostic("stage_share can be split by customer dimensions only (cohort, channel, country…)", at: span,
                             hints: ["each customer has one current stage; drop the event dimension (by month, by event …)"])
        }
        let state = LifecycleState(context)
        let asOf = context.asOf
        let stages = Stage.allCases.count
        let list = scope.customers
        let parts = Parallel.ranges(list.count, minimumPerPart: 8192)
        let partials: [[Int]] = Parallel.map(parts.count) { k in
            var counts = [Int](repeating: 0, count: keys.count * stages)
            for i in parts[k] {
                let c = list[i]
                if let stage = state.stage(c, at: asOf) { counts[keys.customerPart(c) * stages + stage.rawValue] += 1 }
            }
            return counts
        }
        try context.checkCancelled()
        var counts = [Int](repeating: 0, count: keys.count * stages)
        for p in partials { for i in counts.indices { counts[i] += p[i] } }

        let groups = (0..<keys.count).filter { g in (0..<stages).contains { counts[g * stages + $0] > 0 } }
        var labels = dimensions.map { ($0.name, [String]()) }
        var stageNames: [String] = [], customers: [Int64] = [], share: [Double?] = []
        for g in (dimensions.isEmpty ? [0] : groups) {
            let total = (0..<stages).reduce(0) { $0 + counts[g * stages + $1] }
            let groupLabels = keys.labels(g)
            for stage in Stage.allCases {
                for d in labels.indices { labels[d].1.append(groupLabels[d]) }
                stageNames.append(stage.name)
                let n = counts[g * stages + stage.rawValue]
                customers.append(Int64(n))
                share.append(total > 0 ? Double(n) / Double(total) * 100 : nil)
            }
        }
        let columns = labels.map { ResultColumn(name: $0.0, unit: .text, values: .text($0.1)) } + [
            ResultColumn(name: "stage", unit: .text, values: .text(stageNames)),
            ResultColumn(name: "customers", unit: .count, values: .integer(customers)),
            ResultColumn(name: "share", unit: .percent, values: .number(share)),
        ]
        return ResultTable(columns: columns, shape: .stageShare, title: .stageShare(date: CivilTime.formatDate(asOf)))
    }
}
