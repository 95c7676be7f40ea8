/// DuckDB: `* EXCLUDE`, `median`, `datediff`, `strftime`; text compares byte-wise by default.
public struct DuckDBDialect: SQLDialectDefinition {
    public init() {}

    public var dialect: SQLDialect { .duckdb }
    public var supportsColumnExclude: Bool { true }
    public var reservedWords: Set<String> {
        ["anti", "asof", "columns", "glob", "lambda", "map", "pivot", "pivot_longer", "pivot_wider", "positional",
         "qualify", "semi", "struct", "summarize", "unpivot", "unpack"]
    }

    public func template(_ function: SQLFunction) -> SQLTemplate? {
        switch function {
        case .periodStart(let period):
            return SQLTemplate(start(period, "{0}"))
        case .periodLabel(let period):
            switch period {
            case .day: return "strftime({0}, '%Y-%m-%d')"
            case .week: return SQLTemplate("strftime(\(start(period, "{0}")), '%Y-%m-%d')")
            case .month: return "strftime({0}, '%Y-%m')"
            case .quarter: return "strftime({0}, '%Y') || '-Q' || quarter({0})"
            case .year: return "strftime({0}, '%Y')"
            }
        case .periodDifference(let period):
            switch period {
            case .week:
                // Week starts are whole weeks apart.
                return SQLTemplate("datediff('day', \(start(period, "{0}")), \(start(period, "{1}"))) // 7")
            default:
                // datediff counts period boundaries crossed: period number of `to` minus that of `from`.
                return SQLTemplate("datediff('\(period)', {0}, {1})")
            }
        case .epochSeconds:
            return "epoch({0})"
        case .timestampFromEpoch:
            return "make_timestamp(CAST({0} AS BIGINT) * 1000000)"
        case .safeDivide:
            // DuckDB's `/` divides as doubles.
            return "{0} / nullif({1}, 0)"
        case .interval, .numberLabel:
            return standardTemplate(function)
        }
    }

    public func aggregateTemplate(_ function: SQLAggregateFunction, argumentCount: Int) -> SQLTemplate? {
        switch function {
        case .median:
            return "median({0}){filter}"
        case .quantile(let p):
            return SQLTemplate("quantile_cont({0}, \(p)){filter}")
        case .firstByTime:
            let keys = SQLTemplate.orderingKeys(argumentCount: argumentCount)
            return SQLTemplate("first({0} ORDER BY \(keys)){filter}")
        case .sumInOrder:
            // An ordered aggregate feeds its rows to sum in that order.
            let keys = SQLTemplate.orderingKeys(argumentCount: argumentCount)
            return SQLTemplate("sum({0} ORDER BY \(keys))")
        default:
            return nil
        }
    }

    /// The first moment of `expression`'s period; weeks other than Monday's go back to their start day.
    private func start(_ period: SQLPeriod, _ expression: String) -> String {
        switch period {
        case .week(let weekStart) where weekStart != 1:
            // dayofweek: 0 = Sunday, like week_start.
            return "date_trunc('day', \(expression)) - to_days(CAST((dayofweek(\(expression)) + \(weekStartOffset(weekStart))) % 7 AS INTEGER))"
        default:
            return "date_trunc('\(period)', \(expression))"
        }
    }
}
