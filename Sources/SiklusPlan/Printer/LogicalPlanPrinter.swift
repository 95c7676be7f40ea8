import SiklusLanguage
import SiklusTime

/// A `LogicalQuery` as stable indented text: one line per part, in evaluation order, nested parts indented
/// by two spaces. `explain` shows it; the snapshot tests compare it. Column indices are printed as the
/// catalog's names (`customers.country`, `events.margin`), times as UTC instants, ranges as `[start, end)`.
public enum LogicalPlanPrinter {
    /// The query's text; `catalog` names its columns (the one it was bound against, before its derives).
    public static func print(_ query: LogicalQuery, catalog: Catalog) -> String {
        var printer = Lines(catalog: catalog.adding(query.derives))
        printer.source(query.source)
        for derive in query.derives {
            printer.line("derive \(derive.name) = \(expression(derive.expression, printer.catalog))"
                         + (derive.replacesAmount ? " (replaces amount)" : ""))
        }
        for step in query.scope {
            switch step {
            case .stage(let stage, _): printer.line("stage \(stage.name)")
            case .filter(let filter, _):
                printer.line("where (\(filter.isCustomerLevel ? "per customer" : "per event row"))")
                printer.filter(filter, depth: 1)
            case .funnelDropOff(let funnel, let n, _):
                printer.line("customers who reached step \(n) and not step \(n + 1) of")
                printer.funnel(funnel, depth: 1)
            }
        }
        if let grouping = query.grouping {
            printer.line("cohort by \(printer.dimension(grouping.dimension))"
                         + (grouping.anchorsOnFirstPurchase ? ", anchored on first purchase" : ""))
        }
        for dimension in query.dimensions { printer.line("by \(printer.dimension(dimension))") }
        printer.analysis(query.analysis)
        if !query.metricOptions.isEmpty { printer.line(query.metricOptions.planText, depth: 1) }
        for step in query.post {
            switch step {
            case .sort(let keys): printer.line("sort " + keys.map { "\($0.column) \($0.descending ? "desc" : "asc")" }.joined(separator: ", "))
            case .top(let n, _): printer.line("top \(n) by the last numeric column")
            case .bottom(let n, _): printer.line("bottom \(n) by the last numeric column")
            case .limit(let n): printer.line("limit \(n)")
            }
        }
        switch query.presentation {
        case .table: printer.line("show table")
        case .plot: printer.line("show plot")
        case .export(let path, _): printer.line("export \(Literal.string(path))")
        }
        if !query.spendScope.isEmpty {
            printer.line("spend scope")
            for step in query.spendScope {
                switch step {
                case .condition(_, let written): printer.line("narrow by: \(written)", depth: 1)
                case .other(let written): printer.line("cannot narrow: \(written)", depth: 1)
                }
            }
        }
        let settings = query.settings
        let asOf = switch query.asOf {
        case .at(let t): CivilTime.formatDateTime(t)
        case .endOfLastDataDay: "end of the last day with data"
        }
        printer.line("settings: churn_after \(DurationText.compact(settings.churnAfter)), as_of \(asOf), period \(settings.period.rawValue), "
                     + "week_start \(SessionSettings.weekdays[settings.weekStart])")
        return printer.lines.joined(separator: "\n")
    }

    private struct Lines {
        let catalog: Catalog
        var lines: [String] = []

        mutating func line(_ text: String, depth: Int = 0) { lines.append(String(repeating: "  ", count: depth) + text) }

        mutating func source(_ source: LogicalQuery.Source) {
            switch source {
            case .events: line("source events: customers with an event")
            case .cohort(nil): line("source cohort: every customer")
            case .cohort(let filter?):
                line("source cohort: customers where")
                self.filter(filter, depth: 1)
            }
        }

        mutating func filter(_ filter: RowFilter, depth: Int) {
            switch filter {
            case .and(let a, let b), .or(let a, let b):
                if case .and = filter { line("and", depth: depth) } else { line("or", depth: depth) }
                self.filter(a, depth: depth + 1)
                self.filter(b, depth: depth + 1)
            case .not(let a):
                line("not", depth: depth)
                self.filter(a, depth: depth + 1)
            case .compare(let attribute, let op, let value, _):
                line("\(name(attribute)) \(op.rawValue) \(LogicalPlanPrinter.value(value))", depth: depth)
            case .compareAttributes(let a, let op, let b, _):
                line("\(name(a)) \(op.rawValue) \(name(b))", depth: depth)
            case .member(let attribute, let values, let negated, _):
                line("\(name(attribute)) \(negated ? "not in" : "in") (\(values.map(LogicalPlanPrinter.value).joined(separator: ", ")))", depth: depth)
            case .did(let behaviour, _):
                line(behaviour.text + " (per customer)", depth: depth)
            }
        }

        mutating func funnel(_ f: LogicalQuery.Funnel, depth: Int) {
            line("funnel \(f.order.rawValue) within \(DurationText.compact(f.window))" + (f.quantiles ? ", with time quantiles" : "")
                 + (f.histogram ? ", as a histogram of the time from the first step to the last" : ""), depth: depth)
            for (i, step) in f.steps.enumerated() {
                line("\(i + 1). \(step.label): " + f.matches(i).map(LogicalPlanPrinter.funnelMatch).joined(separator: " or "), depth: depth + 1)
                if let rowFilter = step.filter { line("only rows where", depth: depth + 2); filter(rowFilter, depth: depth + 3) }
            }
            for exclusion in f.exclusions {
                line("exclude \(LogicalPlanPrinter.funnelMatch(exclusion.match)) between steps \(exclusion.from + 1) and \(exclusion.to + 1)", depth: depth + 1)
            }
            if let split = f.split { line(LogicalPlanPrinter.funnelSplit(split), depth: depth + 1) }
        }

        func name(_ attribute: Attribute) -> String { LogicalPlanPrinter.name(attribute, catalog) }

        func dimension(_ spec: DimensionSpec) -> String {
            let what: String = switch spec.kind {
            case .eventTime(let unit): "event time per \(unit.rawValue)"
            case .stage: "event stage"
            case .orderNumber: "purchase number in the customer's history"
            case .attribute(let attribute, let period?): "\(name(attribute)) per \(period.rawValue)"
            case .attribute(let attribute, nil): name(attribute)
            }
            return "\(what) as \(spec.name) (\(spec.isCustomerLevel ? "per customer" : "per event row"))"
        }

        mutating func analysis(_ analysis: LogicalQuery.Analysis) {
            switch analysis {
            case .metrics(let metrics, let span):
                line("metrics " + metrics.map(\.rawValue).joined(separator: ", ") + (span == nil ? " (default)" : ""))
            case .retention(let r):
                line("retention per \(r.period.rawValue) of \(r.percent ? "shares" : "counts"), active on \(r.activityName)"
                     + (r.unbounded ? " or later" : "") + ", horizon \(r.horizon.map(String.init) ?? "all")"
                     + ", period 0 at \(r.kind.start != nil ? "the start event" : r.anchorsOnFirstPurchase ? "first purchase" : "signup")")
                if !r.kind.isPlain { line(RetentionKindText.describe(r), depth: 1) }
            case .funnel(let f):
                funnel(f, depth: 0)
            case .paths(let p):
                line(p.title.description)
                line("sessions split at gaps of \(DurationText.compact(p.sessionGap)) or more; repeated events collapse; "
                     + (p.to == nil ? "the first \(p.steps) events" : "the last \(p.steps) events") + " of each path", depth: 1)
            case .lifecycleTrend(let l):
                line("lifecycle per \(l.period.rawValue), active on \(l.activityName)" + l.bounds.planText)
            case .stickiness(let s):
                line("stickiness per \(s.period.rawValue)" + s.bounds.planText)
            case .rows(let rows):
                line("rows: the first \(rows.limit) \(rows.listsCustomers ? "customers" : "event rows")")
            case .customerValue(let value):
                line("\(value.kind.words) per \(value.unit.rawValue) (purchases collapsed per day, up to as_of)"
                     + (value.horizon.map { ", horizon \($0 == $0.rounded() && abs($0) < 1e9 ? String(Int($0)) : String($0)) \(value.unit.rawValue)s" } ?? "")
                     + (value.discount.map { ", discount \($0) a year" } ?? "")
                     + (value.groups.isEmpty ? "" : ", by " + value.groups.joined(separator: ", "))
                     + (value.metrics.map { ", metrics " + $0.map(\.rawValue).joined(separator: ", ") } ?? ""))
            }
        }
    }

    /// `customers.country`, `events.UnitPrice`, or a fixed attribute's name (`signup`, `events.channel`).
    static func name(_ attribute: Attribute, _ catalog: Catalog) -> String {
        switch attribute {
        case .customerColumn(let i) where i < catalog.customers.columns.count: "customers.\(catalog.customers.columns[i].name)"
        case .eventExtra(let i) where i < catalog.events.columns.count: "events.\(catalog.events.columns[i].name)"
        case .customerColumn(let i): "customers.#\(i)"
        case .eventExtra(let i): "events.#\(i)"
        case .acquisitionChannel: "acquisition_channel"
        default: attribute.name(in: catalog)
        }
    }

    static func value(_ value: FilterValue) -> String {
        switch value {
        case .text(let text): Literal.string(text).description
        case .number(let number): number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .time(let range): "[\(CivilTime.formatDateTime(range.start)), \(CivilTime.formatDateTime(range.end)))"
        }
    }

    static func expression(_ expression: DeriveExpression, _ catalog: Catalog) -> String {
        switch expression {
        case .constant(let number): value(.number(number))
        case .column(let attribute): name(attribute, catalog)
        case .negate(let operand): "-(\(self.expression(operand, catalog)))"
        case .binary(let left, let op, let right): "(\(self.expression(left, catalog)) \(op.rawValue) \(self.expression(right, catalog)))"
        }
    }
}
