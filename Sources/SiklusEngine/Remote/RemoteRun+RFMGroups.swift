import SiklusLanguage
import SiklusPlan
import SiklusSQL

/// `rfm | by segment | metric …` on a connected engine, in two queries: the plain `rfm`'s per-customer
/// summary (SQL), scored in Siklus as in memory (`CustomerValueTable.rfm`: quintiles and segments); the
/// scores written to the engine as the table `siklus_rfm_scores` (customer_id and one text column per
/// group); then the metrics per group in SQL over the same scope narrowed to the scored customers
/// (`SQLLoweringState.rfmGroups`), so every metric means what it means under `by` on a customer column.
extension RemoteRun {
    /// The engine table holding the scores (replaced by the next grouped rfm; it ends with the session).
    static let rfmScoresTable = "siklus_rfm_scores"

    /// The query whose SQL gives the scores' summary: a grouped rfm without its groups, metrics and steps.
    static func summaryQuery(of logical: LogicalQuery) -> LogicalQuery {
        guard case .customerValue(var value) = logical.analysis, value.isGrouped else { return logical }
        value.groups = []
        value.metrics = nil
        var plain = logical
        plain.analysis = .customerValue(value)
        plain.post = []
        return plain
    }

    /// What the second query reads: the scores table and each group's labels in Siklus's order.
    static func rfmScores(_ value: LogicalQuery.CustomerValue) -> SQLRFMScores {
        SQLRFMScores(table: rfmScoresTable, labels: Dictionary(uniqueKeysWithValues: value.groups.map { ($0, RFMGroups.labels(of: $0)) }))
    }

    /// - Complexity: the summary query, O(n log n) scores over its n customers, writing n rows to the
    ///   engine, then the grouped query.
    func rfmGroupsTable(_ value: LogicalQuery.CustomerValue, pipeline: Pipeline, summary: Compiled) throws(Diagnostic) -> ResultTable {
        let span = pipeline.span
        let read = try customerValueRows(try resultTable(summary, rows: try run(summary, at: span), at: span), at: span)
        let scored = CustomerValueTable.rfm(value, ids: read.ids, summary: read.days.summary(daysPerUnit: value.daysPerUnit))
        var columns = [SQLColumn(name: "customer_id", values: .text(read.ids))]
        for group in value.groups {
            guard let column = scored.column(group) else { preconditionFailure("rfm makes every group column") }
            columns.append(SQLColumn(name: group, values: .text(RFMGroups.customerLabels(column))))
        }
        do {
            try engine.createTable(Self.rfmScoresTable, columns: columns, isCancelled: isCancelled)
        } catch {
            throw Self.diagnostic(error, engine: engine, at: span)
        }
        let grouped = try compile(pipeline, rfmScores: Self.rfmScores(value))
        var table = try resultTable(grouped, rows: try run(grouped, at: span), at: span)
        table.title = RFMGroups.title(value)
        return table
    }

    /// The rows of a compiled query as its result table.
    private func resultTable(_ compiled: Compiled, rows: SQLRows, at span: SourceSpan) throws(Diagnostic) -> ResultTable {
        do {
            return try compiled.lowered.resultTable(rows)
        } catch {
            throw Diagnostic("the rows \(engine.dialect.displayName) returned do not form the result table: \(error.message)", at: span)
        }
    }

    /// `explain`'s second query of a grouped rfm, after the summary's SQL.
    func rfmGroupsExplanation(_ pipeline: Pipeline, summary: Compiled) throws(Diagnostic) -> [String] {
        guard case .customerValue(let value) = summary.logical.analysis, value.isGrouped else { return [] }
        let grouped = try compile(pipeline, rfmScores: Self.rfmScores(value))
        return ["-- Siklus scores those rows (quintiles, segments), writes \(Self.rfmScoresTable)(customer_id, "
                + value.groups.joined(separator: ", ") + ") to the engine, then runs:"] + grouped.sql.split(separator: "\n").map(String.init) + [";"]
    }
}

extension LogicalQuery.CustomerValue {
    /// `rfm | by … | metric …`: grouped, not the per-customer table.
    var isGrouped: Bool { kind == .rfm && (metrics != nil || !groups.isEmpty) }
}
