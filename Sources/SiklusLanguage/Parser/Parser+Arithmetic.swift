extension Parser {
    /// derive_step = "derive" identifier "=" sum ;
    mutating func parseDerive() throws(Diagnostic) -> DeriveSpec {
        advance()
        let name = try parseIdentifier("a name for the new column after `derive`",
                                       hints: ["for example `derive amount = Quantity * UnitPrice`"])
        guard match(.equal) != nil else {
            throw expected("`=` after `derive \(name.text)`", hints: ["for example `derive \(name.text) = Quantity * UnitPrice`"])
        }
        if atStepEnd { throw expected("an expression after `=`", hints: ["for example `derive \(name.text) = Quantity * UnitPrice`"]) }
        conditionTerms = 0
        let expression = try parseSum()
        if !atStepEnd {
            if check(.rightParen) { throw expected("an operator") }
            throw expected("an operator (`+`, `-`, `*`, `/`) or the end of the step",
                           hints: ["a derive expression uses numbers, column names, `+ - * /` and parentheses"])
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
                throw expected("`)` or an operator")
            }
            inner.span = open.span.union(close.span)
            return inner
        case .integer, .number:
            let token = advance()
            let text = token.text(in: source)
            guard let value = Double(text), value.isFinite else {
                throw Diagnostic("the number `\(text)` is out of range", at: token.span)
            }
            return ArithmeticNode(.number(value), at: token.span)
        case .identifier:
            let name = try parseQualifiedName("a column name")
            return ArithmeticNode(.column(name), at: name.span)
        case .string:
            throw Diagnostic("a derive expression computes numbers; text in quotes is not one", at: current.span,
                             hints: ["write a column name without quotes, or a number"])
        default:
            throw expected("a number, a column name or `(`", hints: ["for example `derive amount = Quantity * UnitPrice`"])
        }
    }

    /// Counts one more level of `(` or unary `-`, failing beyond `maximumNesting`.
    private mutating func enterArithmeticNesting() throws(Diagnostic) {
        guard nesting < Parser.maximumNesting else {
            throw Diagnostic("the expression is nested too deeply", at: current.span,
                             hints: ["expressions may nest at most \(Parser.maximumNesting) levels of `(` and `-`"])
        }
        nesting += 1
    }

    /// Counts one more binary operator, failing beyond `maximumTerms`.
    private mutating func countOperator(_ token: Token) throws(Diagnostic) {
        guard conditionTerms < Parser.maximumTerms else {
            throw Diagnostic("the expression is too long", at: token.span,
                             hints: ["an expression may have at most \(Parser.maximumTerms) operators"])
        }
        conditionTerms += 1
    }
}
