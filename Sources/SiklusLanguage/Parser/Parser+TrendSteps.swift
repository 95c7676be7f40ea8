extension Parser {
    /// lifecycle_step = "lifecycle" { "period" period_unit | "on" activity } ;
    mutating func parseLifecycleTrendOptions() throws(Diagnostic) -> LifecycleTrendOptions {
        var options = LifecycleTrendOptions()
        while !atStepEnd {
            let word = try trendOption("lifecycle", among: Keywords.lifecycleOptions, given: [options.period != nil, options.activity != nil])
            switch word {
            case "period": advance(); options.period = try parsePeriodUnit()
            default: advance(); options.activity = try parseRetentionActivity()
            }
        }
        return options
    }

    /// stickiness_step = "stickiness" [ "period" period_unit ] ;
    mutating func parseStickinessOptions() throws(Diagnostic) -> StickinessOptions {
        var options = StickinessOptions()
        while !atStepEnd {
            _ = try trendOption("stickiness", among: Keywords.stickinessOptions, given: [options.period != nil])
            advance()
            options.period = try parsePeriodUnit()
        }
        return options
    }

    /// The option word at the current token (not consumed), checked against `options`; `given[i]` says
    /// whether `options[i]` was already written.
    private func trendOption(_ step: String, among options: [String], given: [Bool]) throws(Diagnostic) -> String {
        let list = Self.quotedList(options, lastJoinedBy: "word.and")
        guard current.kind == .identifier else { throw expected(Self.phrase("trend_option", ["step": "\(step)", "list": list])) }
        let word = current.lowercasedText(in: source)
        guard let index = options.firstIndex(of: word) else {
            var diagnostic = Diagnostic.unknown("\(step) option", current.text(in: source), at: current.span, among: options,
                                                fallbackHint: Self.phrase("trend_options_are", ["step": "\(step)", "list": list]))
            if PeriodUnit(rawValue: word) != nil { diagnostic.hints = [Self.phrase("write_period", ["word": word])] }
            throw diagnostic
        }
        if given[index] { throw Self.givenTwice(word, at: current.span) }
        return word
    }
}
