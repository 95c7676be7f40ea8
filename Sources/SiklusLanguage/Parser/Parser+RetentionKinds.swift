extension Parser {
    /// The retention options that choose its kind (issue 13 §2):
    ///
    ///     retention_option = … | "start" activity | "recurring" | "rolling"
    ///                      | "brackets" "(" integer { "," integer } ")" | "min_events" integer
    ///                      | "value" ( "revenue" | "orders" ) ;
    ///
    /// `word` is the option's keyword, still the current token; each is given at most once (checked by the caller).
    mutating func parseRetentionKindOption(_ word: String, into options: inout RetentionOptions) throws(Diagnostic) {
        let keyword = advance()
        switch word {
        case "start": options.start = try parseRetentionActivity(after: "start")
        case "recurring": options.isRecurring = true
        case "rolling": options.isRolling = true
        case "min_events":
            options.minEvents = try parseCount(after: "min_events", maximum: StepLimits.minEvents, of: "events")
        case "value":
            guard current.kind == .identifier, let value = RetentionValue(rawValue: current.lowercasedText(in: source)) else {
                if current.kind == .identifier {
                    throw Diagnostic.unknown("retention value", current.text(in: source), at: current.span, among: Keywords.retentionValues,
                                             fallbackHint: Self.phrase("write_value"))
                }
                throw expected(Self.phrase("revenue_orders_after_value"), hints: [Self.phrase("example_retention_value")])
            }
            options.value = Spanned(value, at: advance().span)
        case "brackets":
            guard match(.leftParen) != nil else {
                throw expected(Self.phrase("paren_after_brackets"), hints: [Self.phrase("example_brackets_meaning")])
            }
            var sizes: [Int64] = []
            repeat {
                sizes.append(try parseCount(after: sizes.isEmpty ? "brackets (" : ",", maximum: StepLimits.horizon, of: "periods").value)
            } while match(.comma) != nil
            guard match(.rightParen) != nil else { throw expected(Self.phrase("bracket_list_close"), hints: [Self.phrase("example_brackets")]) }
            if sizes.count > StepLimits.brackets {
                throw Diagnostic(Self.phrase("brackets_at_most", ["maximum": "\(StepLimits.brackets)"]), at: span(from: keyword.span))
            }
            if sizes.reduce(0, +) > StepLimits.horizon {
                throw Diagnostic(Self.phrase("brackets_cover", ["total": "\(sizes.reduce(0, +))", "maximum": "\(StepLimits.horizon)"]), at: span(from: keyword.span))
            }
            options.brackets = Spanned(sizes, at: span(from: keyword.span))
        default:
            preconditionFailure("not a retention kind option: \(word)")
        }
    }
}
