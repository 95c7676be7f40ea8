import SiklusLanguage
import SiklusStore

/// Translates a bound pipeline into DuckDB SQL that computes the same result table over the same
/// files: `CREATE TABLE … read_csv(…)` for each loaded file, then one query whose CTEs follow the
/// pipeline's steps. Whatever it cannot translate faithfully it reports as `NoSQLEquivalent`
/// instead of printing SQL that would give other numbers.
struct SQLTranslator {
    let context: EvalContext

    func translate(_ pipeline: Pipeline, plan: ColumnarPlan) throws(NoSQLEquivalent) -> String {
        let schema = try SQLSchema(store: context.store)
        var builder = SQLBuilder(names: SQLNames(context: context, schema: schema))
        try builder.derives(pipeline.steps)
        try builder.source(pipeline.source.kind, label: PipelineText.source(pipeline.source.kind))

        // `by` may follow the metric step, so collect every dimension first.
        var dimensions = builder.cohort.map { [$0] } ?? []
        for step in pipeline.steps {
            guard case .groupBy(let names) = step.kind else { continue }
            for name in names {
                if name.parts.count == 1, name.name.lowercased == "cohort", builder.cohort != nil { continue }
                dimensions.append(try SQLDimension.by(name, builder.names))
            }
        }

        var result: SQLResult?
        var post: [(number: Int, step: Step)] = []
        var number = 1
        for step in pipeline.steps {
            number += 1
            let label = PipelineText.step(step.kind)
            switch step.kind {
            case .stage(let name):
                guard let stage = Stage(named: name.text) else { throw NoSQLEquivalent("stage \(name.text)") }
                builder.stage(stage, number: number, label: label)
            case .filter(let condition):
                try builder.filter(condition, number: number, label: label)
            case .groupBy, .plot, .export:
                break
            case .derive:
                break   // translated before the source (`derives`)
            case .histogram:
                throw NoSQLEquivalent("histogram (the SQL compiler's query shows it)")
            case .dropped:
                throw NoSQLEquivalent("dropped (the SQL compiler's query shows it)")
            case .rows:
                throw NoSQLEquivalent("rows (Siklus lists customers in the order they first appear in the data, which SQL does not keep)")
            case .metrics:
                guard case .metrics(let metrics, _) = plan.output else { break }
                result = try builder.metrics(metrics, dimensions: dimensions, number: number, label: label)
            case .retention:
                guard case .retention(let retention) = plan.output else { break }
                result = builder.retention(retention, width: try retentionWidth(retention, plan), number: number, label: label)
            case .funnel:
                guard case .funnel(let funnel) = plan.output else { break }
                result = try builder.funnel(funnel, dimensions: dimensions, number: number, label: label)
            case .sort, .top, .limit:
                post.append((number, step.kind))
            }
        }
        let output: SQLResult
        if let result {
            output = result
        } else {
            output = try builder.metrics([.customers], dimensions: dimensions, number: number + 1, label: "metric customers (the default)")
        }
        let final = try finish(output, post: post, builder: &builder)
        return schema.createStatements.joined(separator: "\n") + "\n\n" + builder.query.render(final: final)
    }

    /// The `result` CTE, the `sort` / `top` / `limit` steps, and the final `SELECT` in Siklus's row order.
    private func finish(_ result: SQLResult, post: [(number: Int, step: Step)], builder: inout SQLBuilder) throws(NoSQLEquivalent) -> String {
        let resultName = builder.query.add("result", "the result table, one row per group", result.select)
        let hidden = result.hidden
        let exclude = { (extra: [String]) -> String in
            let names = extra + hidden
            return names.isEmpty ? "*" : "* EXCLUDE (\(names.joined(separator: ", ")))"
        }
        guard !post.isEmpty else {
            let order = result.order.isEmpty ? "" : "\nORDER BY " + result.order.joined(separator: ", ")
            return "SELECT \(exclude([])) FROM \(resultName)\(order)"
        }
        // Sorting is stable in Siklus: each step orders by its keys, then by the previous order (row_no).
        let initial = result.order.isEmpty ? "" : "ORDER BY " + result.order.joined(separator: ", ")
        var previous = builder.query.add("numbered", "   … numbered in Siklus's row order", "SELECT *, row_number() OVER (\(initial)) AS row_no\nFROM \(resultName)")
        let visible = result.columns.filter { !hidden.contains($0) }
        for (number, step) in post {
            let label = "\(number). \(PipelineText.step(step))"
            switch step {
            case .sort(let keys):
                let terms = try keys.map { key throws(NoSQLEquivalent) -> String in
                    guard let column = visible.first(where: { $0.lowercased() == key.column.text.lowercased() }) else {
                        throw NoSQLEquivalent("sort by \(key.column.text) (not a result column)")
                    }
                    return SQLText.identifier(column) + (key.direction?.value == .descending ? " DESC" : " ASC") + " NULLS LAST"
                }
                previous = builder.query.add("step_\(number)", label + ": missing values last, ties keep their order",
                                  "SELECT * EXCLUDE (row_no), row_number() OVER (ORDER BY \((terms + ["row_no"]).joined(separator: ", "))) AS row_no\nFROM \(previous)")
            case .top(let n):
                guard let measure = result.measure else { throw NoSQLEquivalent("top without a numeric column") }
                previous = builder.query.add("step_\(number)", label + ": the rows with the largest \(measure)", """
                    SELECT * FROM (
                      SELECT * EXCLUDE (row_no), row_number() OVER (ORDER BY \(SQLText.identifier(measure)) DESC NULLS LAST, row_no) AS row_no
                      FROM \(previous)
                    )
                    WHERE row_no <= \(n.value)
                    """)
            case .limit(let n):
                previous = builder.query.add("step_\(number)", label + ": the first rows", "SELECT * FROM \(previous) WHERE row_no <= \(n.value)")
            default:
                continue
            }
        }
        return "SELECT \(exclude(["row_no"])) FROM \(previous)\nORDER BY row_no"
    }

    /// The number of period columns of a retention table: from the earliest anchor in scope to as_of,
    /// capped by `horizon` (as `RetentionMatrix` works it out).
    private func retentionWidth(_ retention: RetentionPlan, _ plan: ColumnarPlan) throws(NoSQLEquivalent) -> Int {
        guard let scope = try? QueryExecutor.scope(plan, context) else { throw NoSQLEquivalent("this retention table (its scope failed)") }
        let table = context.periodTable(retention.period)
        let lastPeriod = table.calendar.index(context.asOf)
        let anchors = retention.anchorOnFirstPurchase ? context.facts.firstPurchase : context.facts.signup
        var earliest = Int64.max
        for c in scope.customers where anchors[Int(c)] != CustomerFacts.none { earliest = min(earliest, table.index(anchors[Int(c)])) }
        let width = earliest == .max ? 1 : Int(max(0, lastPeriod - earliest)) + 1
        return min(width, (retention.horizon ?? Int.max - 1) + 1)
    }
}
