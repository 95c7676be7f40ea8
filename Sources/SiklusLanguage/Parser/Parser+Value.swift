extension Parser {
    /// rfm_step = "rfm" [ "period" value_period ] ;
    /// clv_step = "clv" [ "params" | "check" ] { clv_option } ;
    /// clv_option = "period" value_period | "horizon" DURATION | "discount" number ;
    /// Each option at most once; `horizon` only for `clv` and `clv check`, `discount` only for `clv`.
    mutating func parseCustomerValue() throws(Diagnostic) -> CustomerValueSpec {
        let keyword = advance()
        var spec = CustomerValueSpec(kind: .rfm)
        if keyword.lowercasedText(in: source) == "clv" {
            spec.kind = matchWord("params") != nil ? .params : matchWord("check") != nil ? .check : .clv
        }
        let allowed = spec.kind.options
        var seen = Set<String>()
        while !atStepEnd {
            let token = current
            let word = token.lowercasedText(in: source)
            guard token.kind == .identifier, allowed.contains(word) else {
                let list = allowed.map { "`\($0)`" }.joined(separator: ", ")
                if token.kind == .identifier, Keywords.customerValueOptions.contains(word) {
                    throw Diagnostic(Self.phrase("does_not_apply", ["word": word, "step": spec.kind.words]), at: token.span,
                                     hints: [Self.phrase("step_takes", ["step": spec.kind.words, "list": list])])
                }
                var diagnostic = token.kind == .identifier
                    ? Diagnostic.unknown("\(spec.kind.words) option", token.text(in: source), at: token.span, among: allowed,
                                         fallbackHint: Self.phrase("step_takes", ["step": spec.kind.words, "list": list]))
                    : expected(Self.phrase("option_of_step", ["step": spec.kind.words, "list": list]))
                if spec.kind == .clv, ["params", "check"].contains(word) { diagnostic.hints = [Self.phrase("write_clv_kind_first", ["word": word])] }
                throw diagnostic
            }
            if !seen.insert(word).inserted { throw Self.givenTwice(word, at: token.span) }
            advance()
            switch word {
            case "period":
                let unit = try parsePeriodUnit()
                guard CustomerValueSpec.periods.contains(unit.value) else {
                    throw Diagnostic(Self.phrase("value_periods", ["step": spec.kind.words]), at: unit.span,
                                     hints: [Self.phrase("write_value_period")])
                }
                spec.period = unit
            case "horizon":
                guard current.kind == .duration else {
                    throw expected(Self.phrase("duration_after_horizon"), hints: [Self.phrase("horizon_durations")])
                }
                let literal = try parseLiteral(Self.phrase("a_duration"), allowsNames: false)
                guard case .duration(let duration) = literal.literal else { preconditionFailure("a duration token parses to a duration") }
                guard duration.value > 0, [.day, .week, .month, .quarter, .year].contains(duration.unit) else {
                    throw Diagnostic(Self.phrase("horizon_positive"), at: literal.span,
                                     hints: [Self.phrase("example_horizon")])
                }
                spec.horizon = Spanned(duration, at: literal.span)
            default:
                let literal = try parseLiteral(Self.phrase("discount_after"), allowsNames: false)
                let rate: Double
                switch literal.literal {
                case .number(let value): rate = value
                case .integer(let value): rate = Double(value)
                default: throw Diagnostic(Self.phrase("expected_discount"), at: literal.span)
                }
                guard rate >= 0, rate < 10 else {
                    throw Diagnostic(Self.phrase("discount_range"), at: literal.span)
                }
                spec.discount = Spanned(rate, at: literal.span)
            }
        }
        return spec
    }
}
