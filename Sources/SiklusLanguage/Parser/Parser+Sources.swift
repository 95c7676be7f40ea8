extension Parser {
    /// pipeline = source { "|" step } ;
    ///
    /// `atStatementStart` tells a misspelt statement keyword (`cohrt signup=2022-09`) from a variable.
    mutating func parsePipeline(atStatementStart: Bool) throws(Diagnostic) -> Pipeline {
        let origin = try parseSource(atStatementStart: atStatementStart)
        var steps: [StepNode] = []
        while let pipe = match(.pipe) {
            steps.append(try parseStep(after: pipe))
        }
        let last = steps.last?.span ?? origin.span
        return Pipeline(source: origin, steps: steps, span: origin.span.union(last))
    }

    /// source = "cohort" cohort_source | "events" | "customers" | identifier ;
    mutating func parseSource(atStatementStart: Bool) throws(Diagnostic) -> SourceNode {
        let start = current
        guard start.kind == .identifier else {
            throw expected(Self.phrase("a_source"))
        }
        if start.isWord("cohort", in: source) {
            advance()
            let cohort = try parseCohortSource()
            return SourceNode(.cohort(cohort), at: span(from: start.span))
        }
        advance()
        let node: SourceNode
        if start.isWord("events", in: source) {
            node = SourceNode(.events, at: start.span)
        } else if start.isWord("customers", in: source) {
            // Every customer: the same rows as a `cohort` without filters (`customers | rows` lists them).
            node = SourceNode(.cohort(CohortSource()), at: start.span)
        } else {
            node = SourceNode(.variable(Identifier(start.text(in: source), at: start.span)), at: start.span)
            if !atStepEnd { throw unknownSource(start, atStatementStart: atStatementStart) }
        }
        guard atStepEnd else { throw unexpectedAfterPipelinePart("`\(start.text(in: source))`") }
        return node
    }

    /// cohort_source = [ filter { [ "," ] filter } ] [ grouping ] ;
    mutating func parseCohortSource() throws(Diagnostic) -> CohortSource {
        var cohort = CohortSource()
        while !atStepEnd {
            if checkWord("by"), !startsPredicate(peek()) {
                cohort.grouping = try parseCohortGrouping()
                guard atStepEnd else {
                    throw unexpectedAfterPipelinePart("`by \(cohort.grouping?.dimension.text ?? "")`",
                                                      extraHints: [Self.phrase("filters_before_by")])
                }
                break
            }
            let hasFilter = !cohort.filters.isEmpty || !cohort.behaviours.isEmpty
            if hasFilter, match(.comma) != nil, atStepEnd {
                throw expected(Self.phrase("filter_after_comma"))
            }
            // `and` may join filters (`country = ID and did purchase`), unless it is a column compared.
            if hasFilter, checkWord("and"), !startsPredicate(peek()) {
                advance()
                if atStepEnd { throw expected(Self.phrase("filter_after_and")) }
            }
            if atBehaviourFilter {
                cohort.behaviours.append(try parseBehaviourFilter())
                continue
            }
            cohort.filters.append(try parseCohortFilter())
        }
        return cohort
    }

    /// filter = qualified_name predicate ;
    mutating func parseCohortFilter() throws(Diagnostic) -> ExpressionNode {
        switch current.kind {
        case .identifier:
            if Keywords.steps.contains(current.lowercasedText(in: source)), !startsPredicate(peek()) {
                throw Diagnostic(Self.phrase("pipe_before_step", ["step": current.text(in: source)]), at: current.span,
                                 hints: [Self.phrase("steps_follow_pipe", ["step": current.text(in: source)])])
            }
        case .integer, .number, .string, .date, .duration:
            throw expected(Self.phrase("a_filter"), hints: [Self.phrase("name_column_first", ["value": abbreviated(current.text(in: source))])])
        default:
            throw expected(Self.phrase("a_filter"))
        }
        let column = try parseQualifiedName(Self.phrase("column_name"))
        return try parsePredicate(left: ExpressionNode(.column(column), at: column.span))
    }

    /// grouping = "by" qualified_name [ "period" period_unit ] ;
    mutating func parseCohortGrouping() throws(Diagnostic) -> CohortGrouping {
        let by = advance()
        let dimension = try parseQualifiedName(Self.phrase("cohort_grouping_after_by"),
                                               hints: [Self.phrase("example_cohort_by")])
        var period: Spanned<PeriodUnit>?
        if matchWord("period") != nil {
            period = try parsePeriodUnit()
        }
        return CohortGrouping(dimension: dimension, period: period, span: span(from: by.span))
    }

    /// period_unit = "day" | "week" | "month" | "quarter" | "year" ;
    mutating func parsePeriodUnit() throws(Diagnostic) -> Spanned<PeriodUnit> {
        let choices = PeriodUnit.allCases.map(\.rawValue)
        guard current.kind == .identifier else {
            throw expected(Self.phrase("period_after_period"))
        }
        guard let unit = PeriodUnit(rawValue: current.lowercasedText(in: source)) else {
            throw Diagnostic.unknown("period", current.text(in: source), at: current.span, among: choices,
                                     fallbackHint: Self.phrase("periods_are"))
        }
        return Spanned(unit, at: advance().span)
    }

    /// The error for a word followed by something other than `|` at the start of a pipeline: a misspelt
    /// keyword (`cohrt signup=2022-09`), a missing `|` (`sept where …`), or an unknown statement.
    func unknownSource(_ word: Token, atStatementStart: Bool) -> Diagnostic {
        let text = word.text(in: source)
        let candidates = atStatementStart ? Keywords.statements + ["customers"] : ["cohort", "events", "customers"]
        let what = atStatementStart ? "statement" : "source"
        let close = suggestions(for: text, among: candidates)
        let followedByStep = current.kind == .identifier && Keywords.steps.contains(current.lowercasedText(in: source))
        if followedByStep, !close.contains("cohort"), !close.contains("events") {
            return unexpectedAfterPipelinePart("`\(text)`")
        }
        if !close.isEmpty, let hint = Diagnostic.didYouMeanHint(for: text, among: close) {
            return Diagnostic(MessageCatalog.text("diag.unknown", ["what": MessageCatalog.noun(what), "word": text]), at: word.span, hints: [hint])
        }
        let fallback: String
        if Keywords.steps.contains(word.lowercasedText(in: source)) {
            fallback = MessageCatalog.text("diag.is_a_step", ["word": text])
        } else if check(.equal) {
            fallback = MessageCatalog.text("diag.name_a_pipeline", ["word": text])
        } else if atStatementStart {
            fallback = MessageCatalog.text("diag.statement_starts", ["keywords": Keywords.statements.map { "`\($0)`" }.joined(separator: ", ")])
        } else {
            fallback = MessageCatalog.text("diag.pipeline_starts")
        }
        return Diagnostic(MessageCatalog.text("diag.unknown", ["what": MessageCatalog.noun(what), "word": text]), at: word.span, hints: [fallback])
    }

    /// The error for a token left over after a source or step (`what`), with a hint to add `|`.
    func unexpectedAfterPipelinePart(_ what: String, extraHints: [String] = []) -> Diagnostic {
        let word = current.kind == .identifier ? current.lowercasedText(in: source) : ""
        let hint = Keywords.steps.contains(word)
            ? Self.phrase("add_pipe_before", ["word": current.text(in: source)])
            : Self.phrase("separate_steps")
        return unexpected(after: what, hints: extraHints + [hint])
    }
}
