extension Parser {
    /// condition = and_condition { "or" and_condition } ;
    mutating func parseCondition() throws(Diagnostic) -> ExpressionNode {
        var left = try parseAndCondition()
        while let or = matchWord("or") {
            try countTerm(or)
            let right = try parseAndCondition(after: or)
            left = ExpressionNode(.or(left, right), at: left.span.union(right.span))
        }
        return left
    }

    /// and_condition = not_condition { "and" not_condition } ;
    mutating func parseAndCondition(after keyword: Token? = nil) throws(Diagnostic) -> ExpressionNode {
        var left = try parseNotCondition(after: keyword)
        while let and = matchWord("and") {
            try countTerm(and)
            let right = try parseNotCondition(after: and)
            left = ExpressionNode(.and(left, right), at: left.span.union(right.span))
        }
        return left
    }

    /// not_condition = "not" not_condition | primary_condition ;
    mutating func parseNotCondition(after keyword: Token? = nil) throws(Diagnostic) -> ExpressionNode {
        if checkWord("not") {
            try enterNesting()
            defer { nesting -= 1 }
            let not = advance()
            let operand = try parseNotCondition(after: not)
            return ExpressionNode(.not(operand), at: not.span.union(operand.span))
        }
        return try parsePrimaryCondition(after: keyword)
    }

    /// primary_condition = "(" condition ")" | operand predicate ;
    mutating func parsePrimaryCondition(after keyword: Token?) throws(Diagnostic) -> ExpressionNode {
        if check(.leftParen) {
            try enterNesting()
            defer { nesting -= 1 }
            let open = advance()
            var inner = try parseCondition()
            guard let close = match(.rightParen) else {
                if atStepEnd { throw unclosedParenthesis(open) }
                throw expected(Self.phrase("paren_or_and_or"))
            }
            inner.span = open.span.union(close.span)
            return inner
        }
        let left: ExpressionNode
        switch current.kind {
        case .identifier:
            let column = try parseQualifiedName(Self.phrase("column_name"))
            left = ExpressionNode(.column(column), at: column.span)
        case .integer, .number, .string, .date, .duration, .minus:
            let literal = try parseLiteral(Self.phrase("a_value"), allowsNames: false)
            left = ExpressionNode(.literal(literal.literal), at: literal.span, sourceText: source[literal.span])
        default:
            throw expected(keyword.map { Self.phrase("condition_after_such_as", ["word": $0.text(in: source)]) }
                           ?? Self.phrase("condition_such_as"))
        }
        return try parsePredicate(left: left)
    }

    /// predicate = comparison_operator value | [ "not" ] "in" "(" value { "," value } ")" ;
    mutating func parsePredicate(left: ExpressionNode) throws(Diagnostic) -> ExpressionNode {
        if let op = ComparisonOperator(current.kind) {
            let opText = advance().text(in: source)  // a local: the lazy phrase must not read `self` while it is mutated
            let right = try parseValue(Self.phrase("value_after", ["operator": opText]))
            return ExpressionNode(.comparison(left: left, op: op, right: right), at: left.span.union(right.span))
        }
        var negated = false
        if checkWord("not"), peek().isWord("in", in: source) {
            advance()
            negated = true
        }
        if matchWord("in") != nil {
            let (values, close) = try parseValueList()
            return ExpressionNode(.membership(value: left, negated: negated, values: values), at: left.span.union(close))
        }
        let leftText = abbreviated(source[left.span])
        let hints = [TokenKind.identifier, .integer, .number, .string, .date, .duration].contains(current.kind)
            ? [Self.phrase("write_comparison", ["left": leftText, "right": abbreviated(current.text(in: source))])] : []
        throw expected(Self.phrase("comparison_after", ["left": leftText]), hints: hints)
    }

    /// value_list = "(" value { "," value } ")" ; returns the values and the span of `)`.
    mutating func parseValueList() throws(Diagnostic) -> ([ExpressionNode], SourceSpan) {
        guard let open = match(.leftParen) else {
            throw expected(Self.phrase("paren_after_in"), hints: [Self.phrase("list_in_parentheses")])
        }
        var values: [ExpressionNode] = []
        while true {
            if check(.rightParen), values.isEmpty {
                throw Diagnostic(MessageCatalog.text("diag.expected", ["what": Self.phrase("value_in_list"), "found": "`)`"]), at: current.span,
                                 hints: [Self.phrase("in_list_one_value")])
            }
            if atStepEnd, values.isEmpty { throw unclosedParenthesis(open) }
            values.append(try parseValue(values.isEmpty ? Self.phrase("value_after_paren") : Self.phrase("value_after_comma")))
            if match(.comma) != nil { continue }
            if let close = match(.rightParen) { return (values, close.span) }
            if atStepEnd { throw unclosedParenthesis(open) }
            throw expected(Self.phrase("comma_or_paren_in_list"))
        }
    }

    /// value = qualified_name (two or more parts: a column) | literal [ ".." literal ] ;
    /// A single bare word is `.literal(.name)`.
    mutating func parseValue(_ what: @autoclosure () -> String) throws(Diagnostic) -> ExpressionNode {
        if current.kind == .identifier, peek().kind == .dot {
            let column = try parseQualifiedName(what())
            return ExpressionNode(.column(column), at: column.span)
        }
        let lower = try parseLiteral(what(), allowsNames: true)
        guard let dots = match(.dotDot) else { return ExpressionNode(.literal(lower.literal), at: lower.span, sourceText: source[lower.span]) }
        let lowerText = source[lower.span], dotsText = dots.text(in: source)
        let upper = try parseLiteral(Self.phrase("range_end_after", ["lower": "\(lowerText)", "dots": dotsText]), allowsNames: true)
        return ExpressionNode(.range(lower: lower, upper: upper), at: lower.span.union(upper.span))
    }

    /// Counts one more level of `(` or `not`, failing beyond `maximumNesting`.
    mutating func enterNesting() throws(Diagnostic) {
        guard nesting < Parser.maximumNesting else {
            throw Diagnostic(Self.phrase("condition_too_deep"), at: current.span,
                             hints: [Self.phrase("condition_nesting_limit", ["maximum": "\(Parser.maximumNesting)"])])
        }
        nesting += 1
    }

    /// Counts one more `and`/`or` operator, failing beyond `maximumTerms`.
    mutating func countTerm(_ operatorToken: Token) throws(Diagnostic) {
        guard conditionTerms < Parser.maximumTerms else {
            throw Diagnostic(Self.phrase("condition_too_long"), at: operatorToken.span,
                             hints: [Self.phrase("condition_term_limit", ["maximum": "\(Parser.maximumTerms + 1)"])])
        }
        conditionTerms += 1
    }

    /// Self.phrase("unclosed_paren"), pointing at the `(`.
    func unclosedParenthesis(_ open: Token) -> Diagnostic {
        Diagnostic(Self.phrase("unclosed_paren"), at: open.span, hints: [Self.phrase("close_paren_before", ["found": describe(current)])])
    }

    /// True when `token` can start a predicate (`=`, `!=`, `<`, …, `in`, `not in`), so a keyword before it
    /// is being used as a column name (`by = 3`).
    func startsPredicate(_ token: Token) -> Bool {
        ComparisonOperator(token.kind) != nil || token.isWord("in", in: source) || token.isWord("not", in: source)
    }
}
