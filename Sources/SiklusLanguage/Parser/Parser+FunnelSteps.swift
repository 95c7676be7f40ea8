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
                more.append(FunnelAlternative(name: try parseName(isStage ? "a stage name after `stage`" : "an event or stage name after `,`"),
                                              isStage: isStage))
            }
            _ = try expect(.rightParen, "`,` or `)` to close the alternatives opened at `(`",
                           hints: ["alternatives are a list in parentheses: `funnel visit -> (home, product_view) -> purchase`"])
            if more.isEmpty {
                throw Diagnostic("a step in parentheses needs at least two alternatives", at: span(from: open.span),
                                 hints: ["drop the parentheses, or add another event: `(home, product_view)`"])
            }
            funnel.alternatives[index] = more
        } else {
            try parseFunnelName(into: &funnel, after: after)
        }
        if checkWord("where") {
            advance()
            conditionTerms = 0
            if atStepEnd || check(.arrow) {
                throw expected("a condition after `where`", hints: ["for example `funnel view -> purchase where amount > 50`"])
            }
            funnel.filters[index] = try parseCondition()
        }
    }

    /// exclusion = "exclude" [ "stage" ] name [ "between" INTEGER "and" INTEGER ] ; `exclude` is consumed.
    mutating func parseFunnelExclusion() throws(Diagnostic) -> FunnelExclusion {
        let isStage = checkWord("stage") && [.identifier, .string].contains(peek().kind)
        if isStage { advance() }
        var exclusion = FunnelExclusion(name: try parseName("an event name after `exclude`"), isStage: isStage)
        if let between = matchWord("between") {
            let from = try parseStepNumber(after: "between")
            _ = try expectWord("and", "`and` between the two step numbers", hints: ["write `exclude cancel between 2 and 3`"])
            let to = try parseStepNumber(after: "and")
            guard from.value < to.value else {
                throw Diagnostic("`between \(from.value) and \(to.value)` needs the first step before the second", at: span(from: between.span),
                                 hints: ["for example `between 1 and 2`"])
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
