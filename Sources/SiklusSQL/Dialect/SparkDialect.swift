/// Spark SQL 4 (ANSI mode on): backquoted names, backslash escapes in text literals, `STRING`,
/// decimal literals unless marked `D`, `min_by`, `date_format`; text compares byte-wise (UTF8_BINARY).
/// The session must run with `spark.sql.session.timeZone=UTC`.
public struct SparkDialect: SQLDialectDefinition {
    public init() {}

    public var dialect: SQLDialect { .spark }
    public var identifierQuote: Character { "`" }
    public var evaluatesCTEAtEveryReference: Bool { true }
    /// A local session runs with broadcast joins off (`SparkBridgeScript`: dozens of them, sized from
    /// estimates, ran the driver out of memory), so a join with a small set would shuffle the large side;
    /// the hint broadcasts only what the lowering knows is small.
    public func broadcastHint(_ quotedAlias: String) -> String? { "/*+ BROADCAST(\(quotedAlias)) */" }
    public var reservedWords: Set<String> { ["anti", "semi", "minus", "div", "rlike", "regexp", "lateral", "pivot", "unpivot"] }

    public func typeName(_ type: SQLType) -> String {
        switch type {
        case .text: "STRING"
        case .integer: "INT"
        default: SQLType.standardName(type)
        }
    }

    /// Spark reads `\` as an escape inside text literals: both it and the quote are escaped.
    public func textLiteral(_ text: String) -> String {
        "'" + text.replacing("\\", with: "\\\\").replacing("'", with: "\\'") + "'"
    }

    /// `2.5` would be a DECIMAL in Spark; `2.5D` is a double, as in the other engines' arithmetic.
    public func numberLiteral(_ value: Double) -> String {
        precondition(value.isFinite, "a non-finite number has no SQL literal")
        return "\(value)D"
    }

    public func template(_ function: SQLFunction) -> SQLTemplate? {
        switch function {
        case .periodStart(let period):
            return SQLTemplate(start(period, "{0}"))
        case .periodLabel(let period):
            switch period {
            case .day: return "date_format({0}, 'yyyy-MM-dd')"
            case .week: return SQLTemplate("date_format(\(start(period, "{0}")), 'yyyy-MM-dd')")
            case .month: return "date_format({0}, 'yyyy-MM')"
            case .quarter: return "date_format({0}, 'yyyy') || '-Q' || quarter({0})"
            case .year: return "date_format({0}, 'yyyy')"
            }
        case .periodDifference(let period):
            switch period {
            case .day: return "datediff(CAST({1} AS DATE), CAST({0} AS DATE))"
            case .week: return SQLTemplate("datediff(CAST(\(start(period, "{1}")) AS DATE), CAST(\(start(period, "{0}")) AS DATE)) div 7")
            case .month: return "(year({1}) - year({0})) * 12 + month({1}) - month({0})"
            case .quarter: return "(year({1}) - year({0})) * 4 + quarter({1}) - quarter({0})"
            case .year: return "year({1}) - year({0})"
            }
        case .epochSeconds:
            return "unix_seconds({0})"
        case .timestampFromEpoch:
            return "timestamp_seconds({0})"
        case .interval(let seconds):
            let (value, unit) = IntervalWords.parts(seconds)
            return SQLTemplate("INTERVAL '\(value)' \(unit.uppercased())")
        case .safeDivide, .numberLabel:
            return standardTemplate(function)
        }
    }

    public func aggregateTemplate(_ function: SQLAggregateFunction, argumentCount: Int) -> SQLTemplate? {
        switch function {
        case .median:
            // Spark's median is the exact percentile at 0.5: the mean of the two middle values.
            return "median({0}){filter}"
        case .quantile(let p):
            // Spark's `percentile` is exact, interpolating linearly between order statistics.
            return SQLTemplate("percentile({0}, \(p)){filter}")
        case .firstByTime:
            // Structs compare field by field: time, then file order.
            let keys = SQLTemplate.orderingKeys(argumentCount: argumentCount)
            return SQLTemplate(argumentCount == 2 ? "min_by({0}, {1}){filter}" : "min_by({0}, struct(\(keys))){filter}")
        case .sumInOrder:
            // Spark has no ordered aggregate: the rows are collected, sorted by their keys and folded left.
            let keys = (1..<argumentCount).map { "'k\($0)', {\($0)}" }.joined(separator: ", ")
            return SQLTemplate("aggregate(array_sort(collect_list(named_struct(\(keys), 'v', CAST({0} AS DOUBLE)))), CAST(0 AS DOUBLE), (acc, s) -> acc + s.v)")
        default:
            return nil
        }
    }

    private func start(_ period: SQLPeriod, _ expression: String) -> String {
        switch period {
        case .week(let weekStart) where weekStart != 1:
            // dayofweek: 1 = Sunday.
            return "date_trunc('DAY', \(expression)) - make_dt_interval((dayofweek(\(expression)) - 1 + \(weekStartOffset(weekStart))) % 7)"
        default:
            return "date_trunc('\(String(describing: period).uppercased())', \(expression))"
        }
    }
}
