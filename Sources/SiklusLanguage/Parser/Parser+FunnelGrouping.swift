/// A funnel's `by` and `attribution` options: `funnel visit -> purchase by week` (trends by the period of
/// entry), `funnel visit -> purchase by platform attribution last` (a breakdown by an events column).
extension Parser {
    /// `by <dimension> {, <dimension>}` or `attribution first|last|step N` at the current token; false
    /// when the token starts neither (another option follows).
    mutating func parseFunnelGrouping(into funnel: inout FunnelSpec) throws(Diagnostic) -> Bool {
        let optionToken = current
        if matchWord("by") != nil {
            if !funnel.groupBy.isEmpty {
                throw Diagnostic(Self.phrase("given_twice", ["word": "by"]), at: optionToken.span, hints: [Self.phrase("dimensions_after_one_by")])
            }
            // Other funnel options may follow the names, so no check for a missing comma.
            funnel.groupBy = [try parseQualifiedName(Self.phrase("funnel_dimension_after_by"))]
            while match(.comma) != nil { funnel.groupBy.append(try parseQualifiedName(Self.phrase("name_after_comma"))) }
            return true
        }
        guard matchWord("attribution") != nil else { return false }
        if funnel.attribution != nil { throw Self.givenTwice("attribution", at: optionToken.span) }
        let attribution: FunnelAttribution
        if matchWord("first") != nil {
            attribution = .first
        } else if matchWord("last") != nil {
            attribution = .last
        } else if matchWord("step") != nil {
            let n = try parseCount(after: "step", maximum: 64, of: "steps")
            attribution = .step(Int(n.value))
        } else if current.kind == .identifier {
            throw Diagnostic.unknown("attribution", current.text(in: source), at: current.span, among: Keywords.funnelAttributions,
                                     fallbackHint: Self.phrase("write_attribution"))
        } else {
            throw expected(Self.phrase("after_attribution"), hints: [Self.phrase("example_attribution")])
        }
        funnel.attribution = Spanned(attribution, at: span(from: optionToken.span))
        return true
    }
}
