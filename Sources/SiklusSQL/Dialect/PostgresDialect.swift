/// PostgreSQL 15: no `* EXCLUDE`, no `median` (`percentile_cont`), no `arg_min` (`array_agg … [1]`),
/// integer `/` truncates (division casts to double), and text sorts by the database's collation
/// unless told `COLLATE "C"` (byte-wise, as Siklus).
public struct PostgresDialect: SQLDialectDefinition {
    public init() {}

    public var dialect: SQLDialect { .postgres }
    public var bytewiseCollation: String? { " COLLATE \"C\"" }
    public var reservedWords: Set<String> { ["analyse", "analyze", "asymmetric", "current_date", "current_user", "user", "verbose"] }

    public func typeName(_ type: SQLType) -> String {
        switch type {
        case .double: "DOUBLE PRECISION"
        case .text: "TEXT"
        default: SQLType.standardName(type)
        }
    }

    public func template(_ function: SQLFunction) -> SQLTemplate? {
        switch function {
        case .periodStart(let period):
            return SQLTemplate(start(period, "{0}"))
        case .periodLabel(let period):
            switch period {
            case .day: return "to_char({0}, 'YYYY-MM-DD')"
            case .week: return SQLTemplate("to_char(\(start(period, "{0}")), 'YYYY-MM-DD')")
            case .month: return "to_char({0}, 'YYYY-MM')"
            case .quarter: return "to_char({0}, 'YYYY-\"Q\"Q')"
            case .year: return "to_char({0}, 'YYYY')"
            }
        case .periodDifference(let period):
            switch period {
            case .day: return "(CAST({1} AS DATE) - CAST({0} AS DATE))"
            case .week: return SQLTemplate("(CAST(\(start(period, "{1}")) AS DATE) - CAST(\(start(period, "{0}")) AS DATE)) / 7")
            case .month: return number("(extract(year FROM {1}) - extract(year FROM {0})) * 12 + extract(month FROM {1}) - extract(month FROM {0})")
            case .quarter: return number("(extract(year FROM {1}) - extract(year FROM {0})) * 4 + extract(quarter FROM {1}) - extract(quarter FROM {0})")
            case .year: return number("extract(year FROM {1}) - extract(year FROM {0})")
            }
        case .epochSeconds:
            // A timestamp without time zone counts as UTC here.
            return "CAST(extract(epoch FROM {0}) AS DOUBLE PRECISION)"
        case .timestampFromEpoch:
            return "TIMESTAMP '1970-01-01 00:00:00' + {0} * INTERVAL '1 second'"
        case .safeDivide, .interval, .numberLabel:
            return standardTemplate(function)
        }
    }

    public func aggregateTemplate(_ function: SQLAggregateFunction, argumentCount: Int) -> SQLTemplate? {
        switch function {
        case .median:
            // The continuous percentile at 0.5 is the mean of the two middle values, as Siklus's median.
            return "percentile_cont(0.5) WITHIN GROUP (ORDER BY {0}){filter}"
        case .quantile(let p):
            return SQLTemplate("percentile_cont(\(p)) WITHIN GROUP (ORDER BY {0}){filter}")
        case .firstByTime:
            let keys = SQLTemplate.orderingKeys(argumentCount: argumentCount)
            return SQLTemplate("(array_agg({0} ORDER BY \(keys)){filter})[1]")
        case .sumInOrder:
            // An ordered aggregate feeds its rows to sum in that order.
            let keys = SQLTemplate.orderingKeys(argumentCount: argumentCount)
            return SQLTemplate("sum({0} ORDER BY \(keys))")
        default:
            return nil
        }
    }

    private func number(_ sql: String) -> SQLTemplate { SQLTemplate("CAST(\(sql) AS BIGINT)") }

    private func start(_ period: SQLPeriod, _ expression: String) -> String {
        switch period {
        case .week(let weekStart) where weekStart != 1:
            // extract(dow): 0 = Sunday, like week_start.
            return "date_trunc('day', \(expression)) - CAST((CAST(extract(dow FROM \(expression)) AS INTEGER) + \(weekStartOffset(weekStart))) % 7 AS INTEGER) * INTERVAL '1 day'"
        default:
            return "date_trunc('\(period)', \(expression))"
        }
    }
}

extension SQLType {
    /// The generic SQL spelling (what `SQLDialectDefinition.typeName` gives by default).
    static func standardName(_ type: SQLType) -> String {
        switch type {
        case .text: "VARCHAR"
        case .bigint: "BIGINT"
        case .integer: "INTEGER"
        case .double: "DOUBLE"
        case .boolean: "BOOLEAN"
        case .timestamp: "TIMESTAMP"
        case .date: "DATE"
        }
    }
}
