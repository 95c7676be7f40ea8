/// Prints syntax trees as deterministic, indented text, for `explain`, debugging and tests.
///
///     pipeline
///       source cohort
///         filter signup = 2022-09 (month)
///       step stage retention
///       step metric avg_order
///
/// Each node is one line, children indented two spaces. Comparisons and memberships print inline;
/// `and`, `or` and `not` print as a line with their operands below. Literals print as they would be
/// written (strings quoted, bare names unquoted) and dates carry their precision in parentheses.
public enum SyntaxPrinter {
    /// The tree of one statement, without a trailing newline.
    public static func print(_ statement: StatementNode) -> String {
        var lines: [String] = []
        append(statement.kind, depth: 0, to: &lines)
        return lines.joined(separator: "\n")
    }

    /// The tree of a pipeline, without a trailing newline.
    public static func print(_ pipeline: Pipeline) -> String {
        var lines: [String] = []
        append(pipeline, depth: 0, to: &lines)
        return lines.joined(separator: "\n")
    }

    /// A one-line rendering of an expression, parenthesized where needed:
    /// `amount > 100 and (channel = social or country in (ID, US))`.
    public static func inline(_ expression: ExpressionNode) -> String {
        inline(expression, parentPrecedence: 0)
    }

    // MARK: - Statements

    private static func append(_ statement: Statement, depth: Int, to lines: inout [String]) {
        let pad = String(repeating: "  ", count: depth)
        switch statement {
        case .load(let load):
            lines.append("\(pad)load \(load.table.value.rawValue) \(quotedStringLiteral(load.path.value))")
            for mapping in load.mappings { lines.append("\(pad)  map \(mapping.role.value.rawValue) = \(mapping.column)") }
            if let delimiter = load.delimiter {
                lines.append("\(pad)  delim \(quotedStringLiteral(String(decoding: [delimiter.value], as: UTF8.self)))")
            }
            for format in load.formats { lines.append("\(pad)  format \(format.column) = \(quotedStringLiteral(format.format.value))") }
            if let header = load.header { lines.append("\(pad)  header = \(header.value)") }
            if let columns = load.columns { lines.append("\(pad)  columns = (\(columns.value.map(\.description).joined(separator: ", ")))") }
            if let ids = load.ids { lines.append("\(pad)  ids = \(ids.value.rawValue)") }
            if let mode = load.mode { lines.append("\(pad)  \(mode.value.rawValue)") }
        case .loadTable(let load):
            lines.append("\(pad)load \(load.table.value.rawValue) table \(quotedStringLiteral(load.name.value))")
            for mapping in load.mappings { lines.append("\(pad)  map \(mapping.role.value.rawValue) = \(mapping.column)") }
        case .connect(let connect):
            lines.append("\(pad)connect \(connect.engine.value.rawValue)" + (connect.target.map { " " + quotedStringLiteral($0.value) } ?? ""))
        case .disconnect:
            lines.append("\(pad)disconnect")
        case .unload(let table):
            lines.append("\(pad)unload \(table.value.rawValue)")
        case .pipeline(let pipeline):
            append(pipeline, depth: depth, to: &lines)
        case .let(let binding):
            lines.append("\(pad)let \(binding.name.text)")
            append(binding.pipeline, depth: depth + 1, to: &lines)
        case .set(let set):
            lines.append("\(pad)set \(set.option.text) = \(literal(set.value.literal))")
        case .stages:
            lines.append("\(pad)stages")
        case .stageEdit(let edit):
            let events = edit.events.map(\.description).joined(separator: ", ")
            lines.append("\(pad)stage \(edit.stage.text) \(edit.operation.value.rawValue) \(events)")
        case .explain(let pipeline, let detail):
            lines.append(detail == .short ? "\(pad)explain" : "\(pad)explain \(detail.rawValue)")
            append(pipeline, depth: depth + 1, to: &lines)
        case .help(let words):
            lines.append(([pad + "help"] + words.map(\.value)).joined(separator: " "))
        }
    }

    private static func append(_ pipeline: Pipeline, depth: Int, to lines: inout [String]) {
        let pad = String(repeating: "  ", count: depth)
        lines.append("\(pad)pipeline")
        switch pipeline.source.kind {
        case .events:
            lines.append("\(pad)  source events")
        case .variable(let name):
            lines.append("\(pad)  source variable \(name.text)")
        case .cohort(let cohort):
            lines.append("\(pad)  source cohort")
            for filter in cohort.filters { lines.append("\(pad)    filter \(inline(filter))") }
            for behaviour in cohort.behaviours { lines.append("\(pad)    filter \(behaviour.text)") }
            if let grouping = cohort.grouping {
                let period = grouping.period.map { " period \($0.value.rawValue)" } ?? ""
                lines.append("\(pad)    by \(grouping.dimension.text)\(period)")
            }
        }
        for step in pipeline.steps {
            append(step.kind, depth: depth + 1, to: &lines)
            if !step.metricOptions.isEmpty { lines[lines.count - 1] += step.metricOptions.text }
        }
    }

    // MARK: - Steps

    private static func append(_ step: Step, depth: Int, to lines: inout [String]) {
        let pad = String(repeating: "  ", count: depth)
        switch step {
        case .filter(let condition):
            switch condition.kind {
            case .and, .or, .not:
                lines.append("\(pad)step where")
                append(condition, depth: depth + 1, to: &lines)
            default:
                lines.append("\(pad)step where \(inline(condition))")
            }
        default:
            lines.append("\(pad)step \(Self.step(step))")
        }
    }

    /// One step as written, on one line: `metric avg_order, repeat_rate`, `funnel visit -> purchase within 30d`
    /// (the tree prints `where` by itself, as a tree of its conditions).
    public static func step(_ step: Step) -> String {
        switch step {
        case .derive(let spec): return "derive \(spec.name.text) = \(inline(spec.expression))"
        case .rows(let count): return count.map { "rows \($0.value)" } ?? "rows"
        case .stage(let name): return "stage \(name.text)"
        case .filter(let condition): return "where \(inline(condition))"
        case .groupBy(let names): return "by " + names.map(\.text).joined(separator: ", ")
        case .metrics(let names): return "metric " + names.map(\.text).joined(separator: ", ")
        case .retention(let options):
            var words = ["retention"]
            if let period = options.period { words.append("period \(period.value.rawValue)") }
            if options.isPercent { words.append("percent") }
            if let activity = options.activity {
                switch activity.value {
                case .purchase: words.append("on purchase")
                case .anyEvent: words.append("on any")
                case .event(let name): words.append("on \(name)")
                }
            }
            if options.isUnbounded { words.append("unbounded") }
            if let horizon = options.horizon { words.append("horizon \(horizon.value)") }
            words += options.kindWords
            return words.joined(separator: " ")
        case .funnel(let funnel):
            return funnel.text
        case .dropped(let n): return "dropped \(n.value)"
        case .histogram: return "histogram"
        case .paths(let spec): return ["paths", spec.optionText].filter { !$0.isEmpty }.joined(separator: " ")
        case .lifecycleTrend(let options): return TrendStepText.lifecycle(options)
        case .stickiness(let options): return TrendStepText.stickiness(options)
        case .sort(let keys):
            return "sort " + keys.map { key in key.column.text + (key.direction.map { " \($0.value.rawValue)" } ?? "") }
                .joined(separator: ", ")
        case .top(let count): return "top \(count.value)"
        case .bottom(let count): return "bottom \(count.value)"
        case .limit(let count): return "limit \(count.value)"
        case .plot: return "plot"
        case .export(let path): return "export \(quotedStringLiteral(path.value))"
        case .detail: return "detail"
        case .customerValue(let spec): return spec.text
        }
    }

    // MARK: - Expressions

    private static func append(_ condition: ExpressionNode, depth: Int, to lines: inout [String]) {
        let pad = String(repeating: "  ", count: depth)
        switch condition.kind {
        case .and(let left, let right), .or(let left, let right):
            lines.append(pad + (condition.kind.isAnd ? "and" : "or"))
            append(left, depth: depth + 1, to: &lines)
            append(right, depth: depth + 1, to: &lines)
        case .not(let operand):
            lines.append(pad + "not")
            append(operand, depth: depth + 1, to: &lines)
        default:
            lines.append(pad + inline(condition))
        }
    }

    /// Precedence: or 1, and 2, not 3, comparisons and operands 4.
    private static func inline(_ node: ExpressionNode, parentPrecedence: Int) -> String {
        let (text, precedence): (String, Int)
        switch node.kind {
        case .column(let name): (text, precedence) = (name.text, 4)
        case .literal(let value): (text, precedence) = (literal(value), 4)
        case .range(let lower, let upper): (text, precedence) = (range(lower.literal, upper.literal), 4)
        case .comparison(let left, let op, let right):
            (text, precedence) = ("\(inline(left, parentPrecedence: 4)) \(op) \(inline(right, parentPrecedence: 4))", 4)
        case .membership(let value, let negated, let values):
            let list = values.map { inline($0, parentPrecedence: 4) }.joined(separator: ", ")
            (text, precedence) = ("\(inline(value, parentPrecedence: 4)) \(negated ? "not in" : "in") (\(list))", 4)
        case .not(let operand): (text, precedence) = ("not " + inline(operand, parentPrecedence: 3), 3)
        case .and(let left, let right):
            (text, precedence) = ("\(inline(left, parentPrecedence: 2)) and \(inline(right, parentPrecedence: 3))", 2)
        case .or(let left, let right):
            (text, precedence) = ("\(inline(left, parentPrecedence: 1)) or \(inline(right, parentPrecedence: 2))", 1)
        }
        return precedence < parentPrecedence ? "(\(text))" : text
    }

    /// A literal as written, with a date's precision: `2022-09 (month)`.
    private static func literal(_ value: Literal) -> String {
        if case .date(let date) = value { return "\(date) (\(date.precision.rawValue))" }
        return value.description
    }

    /// `lower..upper`, with one precision note when both ends are dates of the same precision.
    private static func range(_ lower: Literal, _ upper: Literal) -> String {
        if case .date(let a) = lower, case .date(let b) = upper, a.precision == b.precision {
            return "\(a)..\(b) (\(a.precision.rawValue))"
        }
        return "\(literal(lower))..\(literal(upper))"
    }
}

extension ExpressionKind {
    /// True for `.and`.
    fileprivate var isAnd: Bool {
        if case .and = self { return true }
        return false
    }
}

extension StatementNode: CustomStringConvertible {
    /// The statement's tree, as `SyntaxPrinter.print` draws it.
    public var description: String { SyntaxPrinter.print(self) }
}

extension Pipeline: CustomStringConvertible {
    /// The pipeline's tree, as `SyntaxPrinter.print` draws it.
    public var description: String { SyntaxPrinter.print(self) }
}

extension ExpressionNode: CustomStringConvertible {
    /// The expression on one line, as `SyntaxPrinter.inline` writes it.
    public var description: String { SyntaxPrinter.inline(self) }
}
