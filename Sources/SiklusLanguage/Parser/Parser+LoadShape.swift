extension Parser {
    /// The load options that say how the file is shaped: `header=true|false`, `columns=(name, …)` and
    /// `ids=integer|text`; `word` is the option's name, at the current token.
    mutating func parseFileShapeOption(_ word: String, into load: inout LoadStatement) throws(Diagnostic) {
        let option = current
        let given = word == "header" ? load.header?.span : word == "columns" ? load.columns?.span : load.ids?.span
        if given != nil { throw Self.givenTwice(word, at: option.span) }
        advance()
        switch word {
        case "header":
            _ = try expect(.equal, Self.phrase("equal_after_header"), hints: [Self.phrase("write_header_false")])
            let values = ["true": true, "false": false]
            guard current.kind == .identifier, let value = values[current.lowercasedText(in: source)] else {
                throw expected(Self.phrase("true_false_after_header"), hints: [Self.phrase("header_false_means")])
            }
            advance()
            load.header = Spanned(value, at: span(from: option.span))
        case "columns":
            _ = try expect(.equal, Self.phrase("equal_after_columns"), hints: [Self.phrase("write_columns")])
            _ = try expect(.leftParen, Self.phrase("paren_before_columns"), hints: [Self.phrase("write_columns")])
            let names = try parseNameList(Self.phrase("column_name"), separatedBy: "column names")
            _ = try expect(.rightParen, Self.phrase("paren_after_columns"), hints: [Self.phrase("separate_close_list")])
            var seen: Set<String> = []
            for name in names where !seen.insert(name.lowercased).inserted {
                throw Diagnostic(Self.phrase("column_named_twice", ["name": name.text]), at: name.span, hints: [Self.phrase("own_name")])
            }
            load.columns = Spanned(names, at: span(from: option.span))
        default:
            _ = try expect(.equal, Self.phrase("equal_after_ids"), hints: [Self.phrase("write_ids_integer")])
            let choices = LoadStatement.IDRule.allCases.map(\.rawValue)
            guard current.kind == .identifier, let rule = LoadStatement.IDRule(rawValue: current.lowercasedText(in: source)) else {
                if current.kind == .identifier {
                    throw Diagnostic.unknown("id rule", current.text(in: source), at: current.span, among: choices,
                                             fallbackHint: Self.phrase("ids_rules"))
                }
                throw expected(Self.phrase("integer_text_after_ids"))
            }
            advance()
            load.ids = Spanned(rule, at: span(from: option.span))
        }
    }
}
