extension Parser {
    /// metric_step = ("metric" | "metrics") name [ metric_options ] { "," name [ metric_options ] } ;
    /// metric_options = { "percent" | "within" duration } ;
    ///
    /// The options may follow any name (`metric churn_rate within 90d, repeat_rate`); they belong to the step,
    /// and the binder checks that a metric they apply to is listed.
    mutating func parseMetricStep(_ what: @autoclosure () -> String) throws(Diagnostic) -> ([Identifier], MetricStepOptions) {
        var options = MetricStepOptions()
        var names = [try parseIdentifier(what())]
        try parseMetricOptions(into: &options)
        while match(.comma) != nil {
            names.append(try parseIdentifier(Self.phrase("name_after_comma")))
            try parseMetricOptions(into: &options)
        }
        try rejectMissingComma(after: names.count)
        return (names, options)
    }

    private mutating func parseMetricOptions(into options: inout MetricStepOptions) throws(Diagnostic) {
        while true {
            if let word = matchWord("percent") {
                if options.percent != nil { throw Self.givenTwice("percent", at: word.span) }
                options.percent = word.span
            } else if let word = matchWord("within") {
                if options.within != nil { throw Self.givenTwice("within", at: word.span) }
                options.within = try parseDuration(after: "within")
            } else {
                return
            }
        }
    }

    /// The error for an option or keyword written twice in one step or statement (`percent`, `delim`, `by`).
    static func givenTwice(_ option: String, at span: SourceSpan) -> Diagnostic {
        Diagnostic(phrase("given_twice", ["word": option]), at: span, hints: [phrase("keep_one")])
    }
}
