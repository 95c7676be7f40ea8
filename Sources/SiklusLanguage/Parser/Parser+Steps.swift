extension Parser {
    /// step = derive_step | stage_step | where_step | by_step | metric_step | retention_step | funnel_step
    ///      | rows_step | sort_step | top_step | limit_step | "plot" | export_step ;
    mutating func parseStep(after pipe: Token) throws(Diagnostic) -> StepNode {
        let start = current
        do {
            return try parseStepBody()
        } catch {
            let (pipeLine, _) = source.location(of: pipe.span.start)
            guard let span = error.span, span.start == start.span.start, source.location(of: span.start).line > pipeLine else {
                throw error
            }
            var continued = error
            continued.hints.append("the `|` at the end of line \(pipeLine) continues the statement onto this line")
            throw continued
        }
    }

    /// The step at the current token (after its `|`), and a check that nothing follows it.
    private mutating func parseStepBody() throws(Diagnostic) -> StepNode {
        let start = current
        guard start.kind == .identifier else {
            throw expected("a step after `|`", hints: [Parser.stepListHint])
        }
        let step: Step
        var metricOptions = MetricStepOptions()
        switch start.lowercasedText(in: source) {
        case "derive": step = .derive(try parseDerive())
        case "rows":
            advance()
            step = .rows(atStepEnd ? nil : try parseCount(after: "rows", maximum: StepLimits.rows, of: "rows"))
        case "stage": advance(); step = .stage(try parseIdentifier("a stage name after `stage`"))
        case "where": step = .filter(try parseWhereStep())
        case "by": advance(); step = .groupBy(try parseQualifiedNameList("a dimension after `by`, such as `channel` or `month`"))
        case "metric", "metrics":
            advance()
            let (names, options) = try parseMetricStep("a metric name after `\(start.text(in: source))`")
            step = .metrics(names); metricOptions = options
        case "retention": advance(); step = .retention(try parseRetentionOptions())
        case "funnel": step = .funnel(try parseFunnel())
        case "paths": step = .paths(try parsePaths())
        case "lifecycle": advance(); step = .lifecycleTrend(try parseLifecycleTrendOptions())
        case "stickiness": advance(); step = .stickiness(try parseStickinessOptions())
        case "histogram": advance(); step = .histogram
        case "dropped": advance(); step = .dropped(try parseCount(after: "dropped", maximum: 64, of: "steps"))
        case "sort": advance(); step = .sort(try parseSortKeys())
        case "top": advance(); step = .top(try parseCount(after: "top", maximum: StepLimits.rows, of: "rows"))
        case "bottom": advance(); step = .bottom(try parseCount(after: "bottom", maximum: StepLimits.rows, of: "rows"))
        case "limit": advance(); step = .limit(try parseCount(after: "limit", maximum: StepLimits.rows, of: "rows"))
        case "rfm", "clv": step = .customerValue(try parseCustomerValue())
        case "plot": advance(); step = .plot
        case "export": advance(); step = .export(path: try parseExportPath())
        case "detail": advance(); step = .detail
        default:
            throw Diagnostic.unknown("step", start.text(in: source), at: start.span, among: Keywords.steps,
                                     fallbackHint: Parser.stepListHint)
        }
        var node = StepNode(step, at: span(from: start.span))
        node.metricOptions = metricOptions
        guard atStepEnd else {
            let text = source[node.span]
            throw unexpectedAfterPipelinePart(text.count <= 32 && !text.contains("\n") ? "`\(text)`" : "the `\(step.keyword)` step")
        }
        return node
    }

    /// where_step = "where" condition ;
    mutating func parseWhereStep() throws(Diagnostic) -> ExpressionNode {
        advance()
        conditionTerms = 0
        if atStepEnd { throw expected("a condition after `where`", hints: ["for example `where amount > 100`"]) }
        return try parseCondition()
    }

    /// retention_step = "retention" { retention_option } ;
    /// retention_option = "period" period_unit | "percent" | "on" activity | "unbounded" | "horizon" integer ;
    mutating func parseRetentionOptions() throws(Diagnostic) -> RetentionOptions {
        var options = RetentionOptions()
        var seen = Set<String>()
        while !atStepEnd {
            guard current.kind == .identifier else {
                throw expected("a retention option (`period`, `percent`, `on`, `unbounded` or `horizon`)")
            }
            let word = current.lowercasedText(in: source)
            if Keywords.retentionOptions.contains(word), !seen.insert(word).inserted {
                throw Diagnostic("`\(word)` is given twice", at: current.span, hints: ["keep one"])
            }
            switch word {
            case "period": advance(); options.period = try parsePeriodUnit()
            case "percent": advance(); options.isPercent = true
            case "on": advance(); options.activity = try parseRetentionActivity()
            case "unbounded": advance(); options.isUnbounded = true
            case "horizon": advance(); options.horizon = try parseCount(after: "horizon", maximum: StepLimits.horizon, of: "periods")
            case "start", "recurring", "rolling", "brackets", "min_events", "value": try parseRetentionKindOption(word, into: &options)
            default:
                var diagnostic = Diagnostic.unknown("retention option", current.text(in: source), at: current.span,
                                                    among: Keywords.retentionOptions,
                                                    fallbackHint: "retention options are `period`, `percent`, `on`, "
                                                        + "`unbounded`, `horizon`, `start`, `recurring`, `rolling`, `brackets`, "
                                                        + "`min_events` and `value`")
                if PeriodUnit(rawValue: word) != nil { diagnostic.hints = ["write `period \(word)`"] }
                throw diagnostic
            }
        }
        return options
    }

    /// activity = "purchase" | "any" | name ;
    mutating func parseRetentionActivity(after keyword: String = "on") throws(Diagnostic) -> Spanned<RetentionActivity> {
        if let token = matchWord("purchase") { return Spanned(.purchase, at: token.span) }
        if let token = matchWord("any") { return Spanned(.anyEvent, at: token.span) }
        let event = try parseName("`purchase`, `any` or an event or stage name after `\(keyword)`")
        return Spanned(.event(event), at: event.span)
    }

    /// funnel_step = "funnel" funnel_part "->" funnel_part { "->" funnel_part } { funnel_option } ;
    /// funnel_name = [ "stage" ] name ;
    /// funnel_option = "within" duration | "ordered" | "strict" | "any" "order" | exclusion ;
    mutating func parseFunnel() throws(Diagnostic) -> FunnelSpec {
        let keyword = advance()
        var funnel = FunnelSpec(steps: [])
        try parseFunnelStep(into: &funnel, after: "`funnel`")
        while match(.arrow) != nil {
            try parseFunnelStep(into: &funnel, after: "`->`")
        }
        if funnel.steps.count < 2 {
            let hint = "join the steps with `->`: `funnel visit -> add_to_cart -> purchase`"
            let isName = current.kind == .identifier || current.kind == .string
            if isName, !Keywords.funnelOptions.contains(current.lowercasedText(in: source)) {
                throw expected("`->` after `\(funnel.steps[0].text)`", hints: [hint])
            }
            throw Diagnostic("a funnel needs at least two steps", at: span(from: keyword.span), hints: [hint])
        }
        while !atStepEnd {
            let optionToken = current
            if matchWord("exclude") != nil {
                funnel.exclusions.append(try parseFunnelExclusion())
                continue
            }
            if try parseFunnelGrouping(into: &funnel) { continue }
            if matchWord("quantiles") != nil {
                if funnel.quantiles != nil { throw Diagnostic("`quantiles` is given twice", at: optionToken.span, hints: ["keep one"]) }
                funnel.quantiles = optionToken.span
                continue
            }
            if matchWord("within") != nil {
                if funnel.window != nil { throw Self.givenTwice("within", at: optionToken.span) }
                guard current.kind == .duration else {
                    throw expected("a duration such as `30d` after `within`", hints: ["durations are `30m` (minutes), `24h`, `30d`, `12w`, `6mo` (months) or `1y`"])
                }
                let literal = try parseLiteral("a duration", allowsNames: false)
                guard case .duration(let duration) = literal.literal else { preconditionFailure("a duration token parses to a duration") }
                funnel.window = Spanned(duration, at: literal.span)
                continue
            }
            let order: FunnelOrder
            if matchWord("ordered") != nil {
                order = .ordered
            } else if matchWord("strict") != nil {
                order = .strict
            } else if matchWord("any") != nil {
                _ = try expectWord("order", "`order` after `any`", hints: ["write `any order`"])
                order = .anyOrder
            } else if current.kind == .identifier {
                throw Diagnostic.unknown("funnel option", current.text(in: source), at: current.span,
                                         among: Keywords.funnelOptions,
                                         fallbackHint: "funnel options are `within <duration>`, `ordered`, `strict`, `any order`, `exclude <event>`, `quantiles`, `by <dimension>` and `attribution first|last|step N`")
            } else {
                throw expected("a funnel option (`within`, `ordered`, `strict` or `any order`)")
            }
            if funnel.order != nil {
                throw Diagnostic("the funnel order is given twice", at: span(from: optionToken.span), hints: ["keep one"])
            }
            funnel.order = Spanned(order, at: span(from: optionToken.span))
        }
        return funnel
    }

    /// `purchase` or `stage purchase`: `stage` marks a lifecycle stage only when a name follows it, so an
    /// event called `stage` still works as a step.
    mutating func parseFunnelName(into funnel: inout FunnelSpec, after: String) throws(Diagnostic) {
        if checkWord("stage"), [.identifier, .string].contains(peek().kind) {
            advance()
            funnel.stageSteps.insert(funnel.steps.count)
            funnel.steps.append(try parseName("a stage name after `stage`"))
            return
        }
        funnel.steps.append(try parseName("an event or stage name after \(after)"))
    }

    /// sort_step = "sort" sort_key { "," sort_key } ;
    /// sort_key = qualified_name [ "asc" | "ascending" | "desc" | "descending" ] ;
    mutating func parseSortKeys() throws(Diagnostic) -> [SortKey] {
        var keys: [SortKey] = []
        repeat {
            let column = try parseQualifiedName(keys.isEmpty ? "a column name after `sort`" : "a column name after `,`")
            var direction: Spanned<SortDirection>?
            if let token = matchWord("asc") ?? matchWord("ascending") {
                direction = Spanned(.ascending, at: token.span)
            } else if let token = matchWord("desc") ?? matchWord("descending") {
                direction = Spanned(.descending, at: token.span)
            }
            keys.append(SortKey(column: column, direction: direction, span: span(from: column.span)))
        } while match(.comma) != nil
        if current.kind == .identifier {
            throw Diagnostic.unknown("sort direction", current.text(in: source), at: current.span, among: ["asc", "desc"],
                                     fallbackHint: "separate sort keys with `,`: `sort revenue desc, customers`")
        }
        return keys
    }

    /// top_step = "top" integer ; limit_step = "limit" integer ; (also `horizon` in retention)
    /// The count is 1 … `maximum` (`StepLimits`), reported at the number otherwise.
    mutating func parseCount(after keyword: String, maximum: Int64, of things: String) throws(Diagnostic) -> Spanned<Int64> {
        guard current.kind == .integer else {
            throw expected("a whole number after `\(keyword)`", hints: ["for example `\(keyword) 10`"])
        }
        let literal = try parseLiteral("a whole number", allowsNames: false)
        guard case .integer(let value) = literal.literal else { preconditionFailure("an integer token parses to an integer") }
        if value < 1 { throw Diagnostic("`\(keyword)` needs a count of at least 1", at: literal.span) }
        if value > maximum {
            throw Diagnostic("`\(keyword)` takes at most \(maximum) \(things)", at: literal.span, hints: ["for example `\(keyword) 10`"])
        }
        return Spanned(value, at: literal.span)
    }

    /// export_step = "export" string ;
    mutating func parseExportPath() throws(Diagnostic) -> Spanned<String> {
        guard let token = match(.string) else {
            throw expected("a file name in quotes after `export`", hints: ["for example `export \"retention.html\"`; "
                                                                           + "the extension (.html, .svg, .csv, …) chooses the format"])
        }
        let path = StringLiteralDecoder.decode(token.text(in: source))
        if path.isEmpty { throw Diagnostic("the file name is empty", at: token.span) }
        return Spanned(path, at: token.span)
    }
}
