/// The richer parts of a funnel step: alternatives, a filter per step, exclusions.
///
/// `|` separates pipeline steps and `->` funnel steps, so a step's alternatives are a parenthesized,
/// comma-separated list (`(home, product_view)`) and its filter a `where` condition ending at the next
/// `->`, option or `|` (`purchase where amount > 50 -> review`).
extension Parser {
    /// funnel_step = ( funnel_name | "(" funnel_name { "," funnel_name } ")" ) [ "where" condition ] ;
    mutating func parseFunnelStep(into funnel: inout FunnelSpec, after: String) throws(Diagnostic) {
        let index = funnel.steps.count
        if let open = match(.leftParen) {
            try parseFunnelName(into: &funnel, after: "`(`")
            var more: [FunnelAlternative] = []
            while match(.comma) != nil {
                let isStage = checkWord("stage") && [.identifier, .string].contains(peek().kind)
                if isStage { advance() }
                more.append(FunnelAlternative(name: try parseName(isStage ? Self.phrase("stage_name_after_stage") : Self.phrase("event_or_stage_after_comma")),
                                              isStage: isStage))
            }
            _ = try expect(.rightParen, Self.phrase("close_alternatives"),
                           hints: [Self.phrase("alternatives_are")])
            if more.isEmpty {
                throw Diagnostic(Self.phrase("two_alternatives"), at: span(from: open.span),
                                 hints: [Self.phrase("drop_parentheses")])
            }
            funnel.alternatives[index] = more
        } else {
            try parseFunnelName(into: &funnel, after: after)
        }
        if checkWord("where") {
            advance()
            conditionTerms = 0
            if atStepEnd || check(.arrow) {
                throw expected(Self.phrase("condition_after_where"), hints: [Self.phrase("example_funnel_where")])
            }
            funnel.filters[index] = try parseCondition()
        }
    }

    /// exclusion = "exclude" [ "stage" ] name [ "between" INTEGER "and" INTEGER ] ; `exclude` is consumed.
    mutating func parseFunnelExclusion() throws(Diagnostic) -> FunnelExclusion {
        let isStage = checkWord("stage") && [.identifier, .string].contains(peek().kind)
        if isStage { advance() }
        var exclusion = FunnelExclusion(name: try parseName(Self.phrase("event_after_exclude")), isStage: isStage)
        if let between = matchWord("between") {
            let from = try parseStepNumber(after: "between")
            _ = try expectWord("and", Self.phrase("and_between_steps"), hints: [Self.phrase("write_exclude_between")])
            let to = try parseStepNumber(after: "and")
            guard from.value < to.value else {
                throw Diagnostic(Self.phrase("between_order", ["from": "\(from.value)", "to": "\(to.value)"]), at: span(from: between.span),
                                 hints: [Self.phrase("example_between")])
            }
            exclusion.between = Spanned(from.value...to.value, at: span(from: between.span))
        }
        return exclusion
    }

    private mutating func parseStepNumber(after word: String) throws(Diagnostic) -> Spanned<Int> {
        let count = try parseCount(after: word, maximum: 64, of: "steps")
        return Spanned(Int(count.value), at: count.span)
    }
}
