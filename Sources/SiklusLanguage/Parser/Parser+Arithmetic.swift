extension Parser {
    /// derive_step = "derive" identifier "=" sum ;
    mutating func parseDerive() throws(Diagnostic) -> DeriveSpec {
        advance()
        let name = try parseIdentifier(Self.phrase("name_after_derive"),
                                       hints: [Self.phrase("example_derive")])
        guard match(.equal) != nil else {
            throw expected(Self.phrase("equal_after_derive", ["name": name.text]), hints: [Self.phrase("example_derive_name", ["name": name.text])])
        }
        if atStepEnd { throw expected(Self.phrase("expression_after_equal"), hints: [Self.phrase("example_derive_name", ["name": name.text])]) }
        conditionTerms = 0
        let expression = try parseSum()
        if !atStepEnd {
            if check(.rightParen) { throw expected(Self.phrase("an_operator")) }
            throw expected(Self.phrase("operator_or_end"),
                           hints: [Self.phrase("derive_uses")])
        }
        return DeriveSpec(name: name, expression: expression)
    }

    /// sum = product { ("+" | "-") product } ;
    mutating func parseSum() throws(Diagnostic) -> ArithmeticNode {
        var left = try parseProduct()
        while let op = ArithmeticOperator(current.kind), !op.isMultiplicative {
            let token = advance()
            try countOperator(token)
            let right = try parseProduct()
            left = ArithmeticNode(.binary(left: left, op: op, right: right), at: left.span.union(right.span))
        }
        return left
    }

    /// product = factor { ("*" | "/") factor } ;
    mutating func parseProduct() throws(Diagnostic) -> ArithmeticNode {
        var left = try parseFactor()
        while let op = ArithmeticOperator(current.kind), op.isMultiplicative {
            let token = advance()
            try countOperator(token)
            let right = try parseFactor()
            left = ArithmeticNode(.binary(left: left, op: op, right: right), at: left.span.union(right.span))
        }
        return left
    }

    /// factor = "-" factor | number | qualified_name | "(" sum ")" ;
    mutating func parseFactor() throws(Diagnostic) -> ArithmeticNode {
        switch current.kind {
        case .minus:
            try enterArithmeticNesting()
            defer { nesting -= 1 }
            let minus = advance()
            let operand = try parseFactor()
            let span = minus.span.union(operand.span)
            if case .number(let value) = operand.kind { return ArithmeticNode(.number(-value), at: span) }
            return ArithmeticNode(.negate(operand), at: span)
        case .leftParen:
            try enterArithmeticNesting()
            defer { nesting -= 1 }
            let open = advance()
            var inner = try parseSum()
            guard let close = match(.rightParen) else {
                if atStepEnd { throw unclosedParenthesis(open) }
                throw expected(Self.phrase("paren_or_operator"))
            }
            inner.span = open.span.union(close.span)
            return inner
        case .integer, .number:
            let token = advance()
            let text = token.text(in: source)
            guard let value = Double(text), value.isFinite else {
                throw Diagnostic(Self.phrase("number_out_of_range", ["text": text]), at: token.span)
            }
            return ArithmeticNode(.number(value), at: token.span)
        case .identifier:
            let name = try parseQualifiedName(Self.phrase("column_name"))
            return ArithmeticNode(.column(name), at: name.span)
        case .string:
            throw Diagnostic(Self.phrase("derive_computes_numbers"), at: current.span,
                             hints: [Self.phrase("write_column_or_number")])
        default:
            throw expected(Self.phrase("number_column_paren"), hints: [Self.phrase("example_derive")])
        }
    }

    /// Counts one more level of `(` or unary `-`, failing beyond `maximumNesting`.
    private mutating func enterArithmeticNesting() throws(Diagnostic) {
        guard nesting < Parser.maximumNesting else {
            throw Diagnostic(Self.phrase("expression_too_deep"), at: current.span,
                             hints: [Self.phrase("expression_nesting_limit", ["maximum": "\(Parser.maximumNesting)"])])
        }
        nesting += 1
    }

    /// Counts one more binary operator, failing beyond `maximumTerms`.
    private mutating func countOperator(_ token: Token) throws(Diagnostic) {
        guard conditionTerms < Parser.maximumTerms else {
            throw Diagnostic(Self.phrase("expression_too_long"), at: token.span,
                             hints: [Self.phrase("expression_operator_limit", ["maximum": "\(Parser.maximumTerms)"])])
        }
        conditionTerms += 1
    }
}
