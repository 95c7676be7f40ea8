import SiklusLanguage
import SiklusStore

/// Names the shell offers for tab completion and `help`, taken from the live session.
public struct Vocabulary: Sendable {
    /// Statement keywords valid at the start of a line (`cohort`, `events`, `load`, `let`, `set`, …).
    public var statements: [String]
    /// Step keywords valid after `|`.
    public var steps: [String]
    /// Metric names (`avg_order`, `repeat_rate`, …).
    public var metrics: [String]
    /// Stage names, English then Indonesian aliases.
    public var stages: [String]
    /// Table names for `load`.
    public var tables: [String]
    /// Columns usable after `by` and `where` (event, customer and extra columns, plus time dimensions).
    public var columns: [String]
    /// `set` option names.
    public var options: [String]
    /// `let` variable names defined so far.
    public var variables: [String]
}

extension Session {
    /// The current completion vocabulary.
    public var vocabulary: Vocabulary {
        var columns = ["channel", "country", "cohort", "stage", "order_number", "event", "amount", "ts", "signup", "first_purchase",
                       "day", "week", "month", "quarter", "year", "customers.channel", "events.channel",
                       "event_channel", "acquisition_channel"]
        if let connection {
            // Connected, names are the bound engine tables' (the in-memory tables wait for `disconnect`).
            columns += TableKind.allCases.compactMap { connection.bindings[$0] }.flatMap { $0.columns.map(\.name) }
                .filter { $0 != connection.bindings[.events]?.loadOrderColumn }
        } else {
            columns += store.events.extras.map(\.name) + store.customers.columns.map(\.name)
        }
        var seen = Set<String>()
        columns = columns.filter { seen.insert($0.lowercased()).inserted }
        // `customers` starts a pipeline too (every customer), though it is a source rather than a statement keyword.
        return Vocabulary(statements: Keywords.statements + ["customers"], steps: Keywords.steps, metrics: Metric.allNames, stages: Stage.allNames,
                          tables: TableKind.allCases.map(\.rawValue), columns: columns, options: SessionSettings.optionNames,
                          variables: variables.keys.sorted())
    }

    /// Known values of a column (`channel` → `social`, `search`, …), for completion after `channel=`.
    /// None while connected: the in-memory values are not the engine's, and reading the engine's would
    /// cost a query per key press.
    public func knownValues(of column: String) -> [String] {
        guard connection == nil else { return [] }
        let context = context()
        guard let name = try? Attribute.resolve(QualifiedName(column.split(separator: ".").map { Identifier(String($0), at: SourceSpan(start: 0, end: 0)) }),
                                                in: store, preferEvents: false),
              let dimension = try? Dimension.of(name, name: column, context, period: settings.period) else { return [] }
        return dimension.labels.filter { $0 != Dimension.noneLabel }.prefix(200).map { $0 }
    }

    /// Help text for `help` (no topic) or `help <statement|step|metric|stage>`; nil for an unknown topic.
    /// While connected, `help stages` counts the customers on the engine, whose tables pipelines read.
    public func help(_ topic: String?) -> String? {
        if let connection, topic?.lowercased().trimmingCharacters(in: .whitespaces) == "stages" { return engineStagesHelp(connection) }
        return HelpCatalog.text(topic, stageMap: stageMap, settings: settings) { self.store.isLoaded(.events) ? self.context() : nil }
    }
}
