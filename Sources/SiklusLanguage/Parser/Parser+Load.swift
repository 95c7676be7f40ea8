extension Parser {
    /// load = "load" table string { load_option } ;
    /// load_option = "map" mapping { mapping } | "delim" "=" delimiter | "format" time_format { time_format }
    ///             | "header" "=" ( "true" | "false" ) | "columns" "=" "(" name { "," name } ")"
    ///             | "ids" "=" ( "integer" | "text" ) | "append" | "replace" ;
    mutating func parseLoad() throws(Diagnostic) -> LoadStatement {
        advance()
        let table = try parseLoadTable()
        guard let pathToken = match(.string) else {
            var hints = ["write `load \(table.value.rawValue) \"data/\(table.value.rawValue).csv\"`"]
            // `load events tabel "orders"`: a misspelt `table` before a name.
            if current.kind == .identifier, peek().kind == .string,
               let hint = Diagnostic.didYouMeanHint(for: current.text(in: source), among: [Keywords.tableSource]) {
                hints = [hint + " (`load \(table.value.rawValue) table \"name\"` binds a table of the connected engine)"]
            }
            throw expected("a file path in quotes after `load \(table.value.rawValue)`", hints: hints)
        }
        let path = StringLiteralDecoder.decode(pathToken.text(in: source))
        if path.isEmpty { throw Diagnostic("the file path is empty", at: pathToken.span) }
        var load = LoadStatement(table: table, path: Spanned(path, at: pathToken.span))
        while !atStatementEnd {
            guard current.kind == .identifier else {
                throw expected("a load option (`map`, `delim`, `format`, `header`, `columns`, `ids`, `append` or `replace`)")
            }
            let word = current.lowercasedText(in: source)
            switch word {
            case "map":
                advance()
                load.mappings += try parsePairs("a mapping such as `customer=CustomerID` after `map`") { parser throws(Diagnostic) in
                    try parser.parseColumnMapping()
                }
            case "delim":
                if load.delimiter != nil { throw Diagnostic("`delim` is given twice", at: current.span, hints: ["keep one"]) }
                advance()
                load.delimiter = try parseDelimiter()
            case "append", "replace":
                if let given = load.mode {
                    throw Diagnostic("`\(word)` after `\(given.value.rawValue)`", at: current.span,
                                     hints: ["keep one: `append` adds the rows even if the table holds this file, `replace` replaces the table's rows"])
                }
                load.mode = Spanned(word == "append" ? .append : .replace, at: advance().span)
            case "header", "columns", "ids":
                try parseFileShapeOption(word, into: &load)
            case "format":
                advance()
                load.formats += try parsePairs("a format such as `ts=\"%d/%m/%Y\"` after `format`") { parser throws(Diagnostic) in
                    try parser.parseTimeFormat()
                }
            default:
                var diagnostic = Diagnostic.unknown("load option", current.text(in: source), at: current.span,
                                                    among: Keywords.loadOptions,
                                                    fallbackHint: "load options are `map`, `delim`, `format`, `header`, `columns`, `ids`, `append` and `replace`")
                if LoadRole(rawValue: word) != nil, peek().kind == .equal {
                    diagnostic.hints = ["role mappings follow `map`: `map \(word)=…`"]
                }
                throw diagnostic
            }
        }
        return load
    }

    /// table = "events" | "customers" | "spend" ;
    mutating func parseLoadTable() throws(Diagnostic) -> Spanned<LoadTable> {
        let choices = LoadTable.allCases.map(\.rawValue)
        guard current.kind == .identifier else {
            throw expected("a table (`events`, `customers` or `spend`) after `load`")
        }
        guard let table = LoadTable(rawValue: current.lowercasedText(in: source)) else {
            throw Diagnostic.unknown("table", current.text(in: source), at: current.span, among: choices,
                                     fallbackHint: "tables are `events`, `customers` and `spend`")
        }
        return Spanned(table, at: advance().span)
    }

    /// One or more `key=value` pairs parsed by `parsePair`, stopping before a load option word or a
    /// token that cannot start a pair.
    mutating func parsePairs<Pair>(_ what: String, _ parsePair: (inout Parser) throws(Diagnostic) -> Pair) throws(Diagnostic) -> [Pair] {
        var pairs: [Pair] = []
        while current.kind == .string
                || (current.kind == .identifier && !Keywords.loadOptions.contains(current.lowercasedText(in: source))) {
            pairs.append(try parsePair(&self))
        }
        if pairs.isEmpty { throw expected(what) }
        return pairs
    }

    /// mapping = role "=" name ;
    mutating func parseColumnMapping() throws(Diagnostic) -> ColumnMapping {
        let roleToken = current
        guard roleToken.kind == .identifier else { throw expected("a role name such as `customer`") }
        guard let role = LoadRole(rawValue: roleToken.lowercasedText(in: source)) else {
            throw Diagnostic.unknown("role", roleToken.text(in: source), at: roleToken.span, among: LoadRole.allCases.map(\.rawValue),
                                     fallbackHint: "roles are " + LoadRole.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", "))
        }
        advance()
        _ = try expect(.equal, "`=` after `\(role.rawValue)`", hints: ["write `\(role.rawValue)=<column>`"])
        let column = try parseName("a column name after `\(role.rawValue)=`")
        return ColumnMapping(role: Spanned(role, at: roleToken.span), column: column, span: span(from: roleToken.span))
    }

    /// time_format = name "=" ( string | identifier ) ;
    mutating func parseTimeFormat() throws(Diagnostic) -> TimeFormatSpec {
        let column = try parseName("a column or role name")
        _ = try expect(.equal, "`=` after `\(column.text)`", hints: ["write `\(column.text)=\"%d/%m/%Y\"`"])
        let format = try parseName("a time format such as `\"%d/%m/%Y\"` or `epoch` after `=`")
        return TimeFormatSpec(column: column, format: Spanned(format.text, at: format.span), span: span(from: column.span))
    }

    /// delimiter = string | "tab" | "comma" | "semicolon" | "pipe" | "space" ;
    mutating func parseDelimiter() throws(Diagnostic) -> Spanned<UInt8> {
        _ = try expect(.equal, "`=` after `delim`", hints: ["write `delim=\",\"`"])
        let token = current
        let hint = "a delimiter is one ASCII character: `\",\"`, `\";\"`, `\"\\t\"`, `\"|\"` or `\" \"`"
        let named: [String: UInt8] = ["tab": 9, "comma": 44, "semicolon": 59, "pipe": 124, "space": 32]
        switch token.kind {
        case .string:
            let text = StringLiteralDecoder.decode(token.text(in: source))
            let value = Array(text.utf8)
            guard value.count == 1, value[0] < 0x80 else {
                let why = value.isEmpty ? "it is empty"
                    : text.unicodeScalars.count == 1 ? "it is \(value.count) bytes in UTF-8"
                    : "it is \(text.unicodeScalars.count) characters"
                throw Diagnostic("invalid delimiter \(describe(token)): \(why)", at: token.span, hints: [hint])
            }
            if let problem = Self.delimiterProblem(value[0]) {
                throw Diagnostic("\(describe(token)) cannot be a delimiter: \(problem)", at: token.span, hints: [hint])
            }
            return Spanned(value[0], at: advance().span)
        case .identifier:
            guard let byte = named[token.lowercasedText(in: source)] else {
                throw Diagnostic.unknown("delimiter", token.text(in: source), at: token.span, among: Array(named.keys).sorted(),
                                         fallbackHint: hint)
            }
            return Spanned(byte, at: advance().span)
        default:
            throw expected("a delimiter in quotes after `delim=`", hints: [hint])
        }
    }

    /// Why `byte` cannot separate fields, or nil: line breaks end records, the double quote quotes fields,
    /// NUL marks binary files. (The store checks the same for options built in code: `LoadError.delimiterProblem`.)
    static func delimiterProblem(_ byte: UInt8) -> String? {
        switch byte {
        case UInt8(ascii: "\n"), UInt8(ascii: "\r"): "a line break ends records"
        case UInt8(ascii: "\""): "the double quote quotes fields"
        case 0: "a NUL byte marks a binary file"
        default: nil
        }
    }
}
