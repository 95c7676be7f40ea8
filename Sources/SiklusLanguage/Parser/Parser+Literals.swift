extension Parser {
    /// literal = [ "-" ] ( integer | number ) | string | date | duration | identifier (as `.name`) ;
    ///
    /// Identifiers are accepted only when `allowsNames`. A date token is checked here (month 1–12, real
    /// day of month, quarter 1–4, time of day), so `2022-13` is reported at the date.
    mutating func parseLiteral(_ what: @autoclosure () -> String, allowsNames: Bool) throws(Diagnostic) -> LiteralNode {
        let token = current
        let text = token.text(in: source)
        switch token.kind {
        case .integer:
            advance()
            return LiteralNode(.integer(try integerValue(text, at: token.span)), at: token.span)
        case .number:
            advance()
            return LiteralNode(.number(try numberValue(text, at: token.span)), at: token.span)
        case .string:
            advance()
            return LiteralNode(.string(StringLiteralDecoder.decode(text)), at: token.span)
        case .date:
            switch DateLiteral.parse(text) {
            case .success(let date):
                advance()
                return LiteralNode(.date(date), at: token.span)
            case .failure(let problem):
                throw Diagnostic(Self.phrase("invalid_date", ["text": text, "problem": "\(problem.message)"]), at: token.span)
            }
        case .duration:
            advance()
            return LiteralNode(.duration(try durationValue(text, at: token.span)), at: token.span)
        case .identifier where allowsNames:
            advance()
            return LiteralNode(.name(text), at: token.span)
        case .minus:
            return try parseNegativeNumber()
        default:
            throw expected(what())
        }
    }

    /// `-` directly followed by an integer or number.
    private mutating func parseNegativeNumber() throws(Diagnostic) -> LiteralNode {
        let minus = advance()
        let token = current
        guard token.kind == .integer || token.kind == .number, token.span.start == minus.span.end else {
            throw Diagnostic(MessageCatalog.text("diag.expected", ["what": Self.phrase("number_after_minus"), "found": describe(token)]),
                             at: errorSpan(at: token))
        }
        advance()
        let span = minus.span.union(token.span)
        let text = "-" + token.text(in: source)
        if token.kind == .integer { return LiteralNode(.integer(try integerValue(text, at: span)), at: span) }
        return LiteralNode(.number(try numberValue(text, at: span)), at: span)
    }

    /// The value of an integer's text, or "number is too large" beyond Int64.
    private func integerValue(_ text: String, at span: SourceSpan) throws(Diagnostic) -> Int64 {
        guard let value = Int64(text) else {
            throw Diagnostic(Self.phrase("number_too_large", ["text": abbreviated(text)]), at: span,
                             hints: [Self.phrase("largest_whole_number", ["maximum": "\(Int64.max)"])])
        }
        return value
    }

    /// The value of a decimal's text, or an error when it does not fit a Double.
    private func numberValue(_ text: String, at span: SourceSpan) throws(Diagnostic) -> Double {
        guard let value = Double(text), value.isFinite else {
            throw Diagnostic(Self.phrase("number_too_large", ["text": abbreviated(text)]), at: span)
        }
        return value
    }

    /// `90d` → 90 days; the lexer guarantees digits followed by a known unit suffix.
    private func durationValue(_ text: String, at span: SourceSpan) throws(Diagnostic) -> DurationLiteral {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard let unit = DurationUnit(suffix: String(text.dropFirst(digits.count))) else {
            preconditionFailure("a duration token ends in a known unit")
        }
        guard let value = Int64(digits) else {
            throw Diagnostic(Self.phrase("duration_too_large", ["text": abbreviated(text)]), at: span)
        }
        return DurationLiteral(value: value, unit: unit)
    }
}
