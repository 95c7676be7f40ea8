import SiklusLanguage

/// What a value in a result column means, so renderers can format it (money to 2 decimals,
/// percentages to 1 in box mode) and charts can label their axes.
public enum ValueUnit: String, Sendable, Equatable {
    /// Plain text (cohort labels, channel names, stage names).
    case text
    /// A count of customers, events or orders.
    case count
    /// An amount of money, in the data's currency.
    case money
    /// A percentage in 0...100 (42.5 means 42.5 %).
    case percent
    /// A unitless ratio (orders per customer, click-through as a fraction).
    case ratio
    /// A duration in days.
    case days
    /// A calendar date or period start, stored as Unix seconds (UTC).
    case date
}

/// The values of one result column, typed per column (never per cell).
public enum ColumnValues: Sendable, Equatable {
    case text([String?])
    case integer([Int64?])
    case number([Double?])

    public var count: Int {
        switch self {
        case .text(let v): v.count
        case .integer(let v): v.count
        case .number(let v): v.count
        }
    }
}

/// One named, typed column of a `ResultTable`.
public struct ResultColumn: Sendable, Equatable {
    public var name: String
    public var unit: ValueUnit
    public var values: ColumnValues

    public init(name: String, unit: ValueUnit, values: ColumnValues) {
        self.name = name
        self.unit = unit
        self.values = values
    }
}

/// The shape of a result, so `plot` and `export` can choose a chart without guessing.
public enum ResultShape: String, Sendable, Equatable {
    /// Any other table.
    case table
    /// Columns: cohort, customers, 0, 1, 2, … (period offsets).
    case retention
    /// Columns: step, customers, from_previous, from_first, median_days.
    case funnel
    /// Rows are stages, with a share column.
    case stageShare
    /// A stage × stage matrix.
    case transitions
    /// Columns: period, new, returning, resurrecting, dormant (negative), pulse (`lifecycle`), after any group columns.
    case lifecycle
    /// A metric by a time dimension (day, week, month, quarter, year), optionally by a second dimension.
    case series
    /// Columns: step, from, to, count, customers (the transitions of `paths`).
    case paths
}

/// A query result: column names, types and full-precision values. Rendering is the shell's job.
public struct ResultTable: Sendable, Equatable {
    public var columns: [ResultColumn]
    public var shape: ResultShape
    /// What the table shows (`funnel within 30d, ordered`), worded in the reader's language where it is shown.
    public var title: ResultTitle?
    /// Caveats about the numbers (`note: spend is recorded per day and channel, …`): the shell prints
    /// them on stderr in every output mode, so csv and json stay machine-readable.
    public var notes: [String]
    /// Summary rows the modes meant for reading print under the table (retention's mean rows); csv, tsv,
    /// json and charts leave them out.
    public var footer: [ResultFooterRow] = []
    /// Guardrail warnings and notes about the query (a value matching nothing, a step removing what a
    /// metric needs; `PlanWarnings`, `ValueCheck`), located in its text: the shell renders them on stderr
    /// with a caret, before the result, and never changes the result for them.
    public var warnings: [Diagnostic] = []

    public init(columns: [ResultColumn], shape: ResultShape = .table, title: ResultTitle? = nil, notes: [String] = []) {
        precondition(Set(columns.map(\.values.count)).count <= 1, "result columns must have equal length")
        self.columns = columns
        self.shape = shape
        self.title = title
        self.notes = notes
    }

    public var rowCount: Int { columns.first?.values.count ?? 0 }

    /// The column with this name, if any.
    public func column(_ name: String) -> ResultColumn? { columns.first { $0.name == name } }

    /// Equal results: the warnings are about the query's text (their spans differ between two spellings
    /// of one question), not part of the result, so they are left out.
    public static func == (a: ResultTable, b: ResultTable) -> Bool {
        a.columns == b.columns && a.shape == b.shape && a.title == b.title && a.notes == b.notes && a.footer == b.footer
    }
}
