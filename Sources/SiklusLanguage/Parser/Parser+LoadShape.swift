extension Parser {
    /// The load options that say how the file is shaped: `header=true|false`, `columns=(name, …)` and
    /// `ids=integer|text`; `word` is the option's name, at the current token.
    mutating func parseFileShapeOption(_ word: String, into load: inout LoadStatement) throws(Diagnostic) {
        let option = current
        let given = word == "header" ? load.header?.span : word == "columns" ? load.columns?.span : load.ids?.span
        if given != nil { throw Diagnostic("`\(word)` is given twice", at: option.span, hints: ["keep one"]) }
        advance()
        switch word {
        case "header":
            _ = try expect(.equal, "`=` after `header`", hints: ["write `header=false` for a file whose first line is data"])
            let values = ["true": true, "false": false]
            guard current.kind == .identifier, let value = values[current.lowercasedText(in: source)] else {
                throw expected("`true` or `false` after `header=`", hints: ["`header=false`: the first line is data, not column names"])
            }
            advance()
            load.header = Spanned(value, at: span(from: option.span))
        case "columns":
            _ = try expect(.equal, "`=` after `columns`", hints: ["write `columns=(customer_id, date, amount)`"])
            _ = try expect(.leftParen, "`(` before the column names", hints: ["write `columns=(customer_id, date, amount)`"])
            let names = try parseNameList("a column name", separatedBy: "column names")
            _ = try expect(.rightParen, "`)` after the column names", hints: ["separate names with `,` and close the list with `)`"])
            var seen: Set<String> = []
            for name in names where !seen.insert(name.lowercased).inserted {
                throw Diagnostic("column `\(name.text)` is named twice", at: name.span, hints: ["give each column its own name"])
            }
            load.columns = Spanned(names, at: span(from: option.span))
        default:
            _ = try expect(.equal, "`=` after `ids`", hints: ["write `ids=integer` to read ids like `17850.0` as `17850`"])
            let choices = LoadStatement.IDRule.allCases.map(\.rawValue)
            guard current.kind == .identifier, let rule = LoadStatement.IDRule(rawValue: current.lowercasedText(in: source)) else {
                if current.kind == .identifier {
                    throw Diagnostic.unknown("id rule", current.text(in: source), at: current.span, among: choices,
                                             fallbackHint: "`ids=integer` reads `17850.0` as `17850`; `ids=text` (the default) keeps ids as written")
                }
                throw expected("`integer` or `text` after `ids=`")
            }
            advance()
            load.ids = Spanned(rule, at: span(from: option.span))
        }
    }
}
