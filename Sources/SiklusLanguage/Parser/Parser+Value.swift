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
                    throw Diagnostic("`\(word)` does not apply to `\(spec.kind.words)`", at: token.span,
                                     hints: ["`\(spec.kind.words)` takes \(list)"])
                }
                var diagnostic = token.kind == .identifier
                    ? Diagnostic.unknown("\(spec.kind.words) option", token.text(in: source), at: token.span, among: allowed,
                                         fallbackHint: "`\(spec.kind.words)` takes \(list)")
                    : expected("an option of `\(spec.kind.words)` (\(list))")
                if spec.kind == .clv, ["params", "check"].contains(word) { diagnostic.hints = ["write `clv \(word)` first: `clv \(word) period week`"] }
                throw diagnostic
            }
            if !seen.insert(word).inserted { throw Diagnostic("`\(word)` is given twice", at: token.span, hints: ["keep one"]) }
            advance()
            switch word {
            case "period":
                let unit = try parsePeriodUnit()
                guard CustomerValueSpec.periods.contains(unit.value) else {
                    throw Diagnostic("`\(spec.kind.words)` measures time in days, weeks or months", at: unit.span,
                                     hints: ["write `period day`, `period week` or `period month`"])
                }
                spec.period = unit
            case "horizon":
                guard current.kind == .duration else {
                    throw expected("a duration such as `39w` after `horizon`", hints: ["durations are `90d`, `39w`, `12mo` or `1y`"])
                }
                let literal = try parseLiteral("a duration", allowsNames: false)
                guard case .duration(let duration) = literal.literal else { preconditionFailure("a duration token parses to a duration") }
                guard duration.value > 0, [.day, .week, .month, .quarter, .year].contains(duration.unit) else {
                    throw Diagnostic("the horizon is a positive number of days, weeks, months or years", at: literal.span,
                                     hints: ["for example `horizon 39w` or `horizon 1y`"])
                }
                spec.horizon = Spanned(duration, at: literal.span)
            default:
                let literal = try parseLiteral("an annual discount rate such as `0.10` after `discount`", allowsNames: false)
                let rate: Double
                switch literal.literal {
                case .number(let value): rate = value
                case .integer(let value): rate = Double(value)
                default: throw Diagnostic("expected an annual discount rate such as `0.10`", at: literal.span)
                }
                guard rate >= 0, rate < 10 else {
                    throw Diagnostic("the discount is an annual rate from 0 to 10 (0.10 is 10 % a year)", at: literal.span)
                }
                spec.discount = Spanned(rate, at: literal.span)
            }
        }
        return spec
    }
}
