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
            continued.hints.append(Self.phrase("pipe_continues", ["line": "\(pipeLine)"]))
            throw continued
        }
    }

    /// The step at the current token (after its `|`), and a check that nothing follows it.
    private mutating func parseStepBody() throws(Diagnostic) -> StepNode {
        let start = current
        guard start.kind == .identifier else {
            throw expected(Self.phrase("step_after_pipe"), hints: [Parser.stepListHint])
        }
        let step: Step
        var metricOptions = MetricStepOptions()
        switch start.lowercasedText(in: source) {
        case "derive": step = .derive(try parseDerive())
        case "rows":
            advance()
            step = .rows(atStepEnd ? nil : try parseCount(after: "rows", maximum: StepLimits.rows, of: "rows"))
        case "stage": advance(); step = .stage(try parseIdentifier(Self.phrase("stage_name_after_stage")))
        case "where": step = .filter(try parseWhereStep())
        case "by": advance(); step = .groupBy(try parseQualifiedNameList(Self.phrase("dimension_after_by")))
        case "metric", "metrics":
            advance()
            let keyword = start.text(in: source)
            let (names, options) = try parseMetricStep(Self.phrase("metric_name_after", ["keyword": keyword]))
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
            throw unexpectedAfterPipelinePart(text.count <= 32 && !text.contains("\n") ? "`\(text)`" : Self.phrase("the_step", ["step": "\(step.keyword)"]))
        }
        return node
    }

    /// where_step = "where" condition ;
    mutating func parseWhereStep() throws(Diagnostic) -> ExpressionNode {
        advance()
        conditionTerms = 0
        if atStepEnd { throw expected(Self.phrase("condition_after_where"), hints: [Self.phrase("example_where")]) }
        return try parseCondition()
    }

    /// retention_step = "retention" { retention_option } ;
    /// retention_option = "period" period_unit | "percent" | "on" activity | "unbounded" | "horizon" integer ;
    mutating func parseRetentionOptions() throws(Diagnostic) -> RetentionOptions {
        var options = RetentionOptions()
        var seen = Set<String>()
        while !atStepEnd {
            guard current.kind == .identifier else {
                throw expected(Self.phrase("retention_option"))
            }
            let word = current.lowercasedText(in: source)
            if Keywords.retentionOptions.contains(word), !seen.insert(word).inserted {
                throw Self.givenTwice(word, at: current.span)
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
                                                    fallbackHint: Self.phrase("retention_options_are"))
                if PeriodUnit(rawValue: word) != nil { diagnostic.hints = [Self.phrase("write_period", ["word": word])] }
                throw diagnostic
            }
        }
        return options
    }

    /// activity = "purchase" | "any" | name ;
    mutating func parseRetentionActivity(after keyword: String = "on") throws(Diagnostic) -> Spanned<RetentionActivity> {
        if let token = matchWord("purchase") { return Spanned(.purchase, at: token.span) }
        if let token = matchWord("any") { return Spanned(.anyEvent, at: token.span) }
        let event = try parseName(Self.phrase("activity_after", ["keyword": keyword]))
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
            let hint = Self.phrase("join_funnel_steps")
            let isName = current.kind == .identifier || current.kind == .string
            if isName, !Keywords.funnelOptions.contains(current.lowercasedText(in: source)) {
                throw expected(Self.phrase("arrow_after", ["name": funnel.steps[0].text]), hints: [hint])
            }
            throw Diagnostic(Self.phrase("funnel_two_steps"), at: span(from: keyword.span), hints: [hint])
        }
        while !atStepEnd {
            let optionToken = current
            if matchWord("exclude") != nil {
                funnel.exclusions.append(try parseFunnelExclusion())
                continue
            }
            if try parseFunnelGrouping(into: &funnel) { continue }
            if matchWord("quantiles") != nil {
                if funnel.quantiles != nil { throw Self.givenTwice("quantiles", at: optionToken.span) }
                funnel.quantiles = optionToken.span
                continue
            }
            if matchWord("within") != nil {
                if funnel.window != nil { throw Self.givenTwice("within", at: optionToken.span) }
                guard current.kind == .duration else {
                    throw expected(Self.phrase("duration_after_within"), hints: [Self.phrase("durations_are")])
                }
                let literal = try parseLiteral(Self.phrase("a_duration"), allowsNames: false)
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
                _ = try expectWord("order", Self.phrase("order_after_any"), hints: [Self.phrase("write_any_order")])
                order = .anyOrder
            } else if current.kind == .identifier {
                throw Diagnostic.unknown("funnel option", current.text(in: source), at: current.span,
                                         among: Keywords.funnelOptions,
                                         fallbackHint: Self.phrase("funnel_options_are"))
            } else {
                throw expected(Self.phrase("funnel_option"))
            }
            if funnel.order != nil {
                throw Diagnostic(Self.phrase("funnel_order_twice"), at: span(from: optionToken.span), hints: [Self.phrase("keep_one")])
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
            funnel.steps.append(try parseName(Self.phrase("stage_name_after_stage")))
            return
        }
        funnel.steps.append(try parseName(Self.phrase("event_or_stage_after", ["after": after])))
    }

    /// sort_step = "sort" sort_key { "," sort_key } ;
    /// sort_key = qualified_name [ "asc" | "ascending" | "desc" | "descending" ] ;
    mutating func parseSortKeys() throws(Diagnostic) -> [SortKey] {
        var keys: [SortKey] = []
        repeat {
            let column = try parseQualifiedName(keys.isEmpty ? Self.phrase("column_after_sort") : Self.phrase("column_after_comma"))
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
                                     fallbackHint: Self.phrase("separate_sort_keys"))
        }
        return keys
    }

    /// top_step = "top" integer ; limit_step = "limit" integer ; (also `horizon` in retention)
    /// The count is 1 … `maximum` (`StepLimits`), reported at the number otherwise.
    mutating func parseCount(after keyword: String, maximum: Int64, of things: String) throws(Diagnostic) -> Spanned<Int64> {
        guard current.kind == .integer else {
            throw expected(Self.phrase("whole_number_after", ["keyword": keyword]), hints: [Self.phrase("example_count", ["keyword": keyword])])
        }
        let literal = try parseLiteral(Self.phrase("a_whole_number"), allowsNames: false)
        guard case .integer(let value) = literal.literal else { preconditionFailure("an integer token parses to an integer") }
        if value < 1 { throw Diagnostic(Self.phrase("count_at_least_one", ["keyword": keyword]), at: literal.span) }
        if value > maximum {
            throw Diagnostic(Self.phrase("count_at_most", ["keyword": keyword, "maximum": "\(maximum)", "things": MessageCatalog.noun(things)]),
                             at: literal.span, hints: [Self.phrase("example_count", ["keyword": keyword])])
        }
        return Spanned(value, at: literal.span)
    }

    /// export_step = "export" string ;
    mutating func parseExportPath() throws(Diagnostic) -> Spanned<String> {
        guard let token = match(.string) else {
            throw expected(Self.phrase("file_after_export"), hints: [Self.phrase("example_export")])
        }
        let path = StringLiteralDecoder.decode(token.text(in: source))
        if path.isEmpty { throw Diagnostic(Self.phrase("file_name_empty"), at: token.span) }
        return Spanned(path, at: token.span)
    }
}
