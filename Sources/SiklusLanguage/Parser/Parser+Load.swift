extension Parser {
    /// load = "load" table string { load_option } ;
    /// load_option = "map" mapping { mapping } | "delim" "=" delimiter | "format" time_format { time_format }
    ///             | "header" "=" ( "true" | "false" ) | "columns" "=" "(" name { "," name } ")"
    ///             | "ids" "=" ( "integer" | "text" ) | "append" | "replace" ;
    mutating func parseLoad() throws(Diagnostic) -> LoadStatement {
        advance()
        let table = try parseLoadTable()
        guard let pathToken = match(.string) else {
            var hints = [Self.phrase("write_load", ["table": table.value.rawValue])]
            // `load events tabel "orders"`: a misspelt `table` before a name.
            if current.kind == .identifier, peek().kind == .string,
               let hint = Diagnostic.didYouMeanHint(for: current.text(in: source), among: [Keywords.tableSource]) {
                hints = [Self.phrase("table_binds", ["hint": hint, "table": table.value.rawValue])]
            }
            throw expected(Self.phrase("path_after_load", ["table": table.value.rawValue]), hints: hints)
        }
        let path = StringLiteralDecoder.decode(pathToken.text(in: source))
        if path.isEmpty { throw Diagnostic(Self.phrase("file_path_empty"), at: pathToken.span) }
        var load = LoadStatement(table: table, path: Spanned(path, at: pathToken.span))
        while !atStatementEnd {
            guard current.kind == .identifier else {
                throw expected(Self.phrase("load_option"))
            }
            let word = current.lowercasedText(in: source)
            switch word {
            case "map":
                advance()
                load.mappings += try parsePairs(Self.phrase("mapping_after_map")) { parser throws(Diagnostic) in
                    try parser.parseColumnMapping()
                }
            case "delim":
                if load.delimiter != nil { throw Self.givenTwice("delim", at: current.span) }
                advance()
                load.delimiter = try parseDelimiter()
            case "append", "replace":
                if let given = load.mode {
                    throw Diagnostic(Self.phrase("mode_after_mode", ["word": word, "given": given.value.rawValue]), at: current.span,
                                     hints: [Self.phrase("keep_one_mode")])
                }
                load.mode = Spanned(word == "append" ? .append : .replace, at: advance().span)
            case "header", "columns", "ids":
                try parseFileShapeOption(word, into: &load)
            case "format":
                advance()
                load.formats += try parsePairs(Self.phrase("format_after_format")) { parser throws(Diagnostic) in
                    try parser.parseTimeFormat()
                }
            default:
                var diagnostic = Diagnostic.unknown("load option", current.text(in: source), at: current.span,
                                                    among: Keywords.loadOptions,
                                                    fallbackHint: Self.phrase("load_options_are"))
                if LoadRole(rawValue: word) != nil, peek().kind == .equal {
                    diagnostic.hints = [Self.phrase("role_mappings_follow_map", ["word": word])]
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
            throw expected(Self.phrase("table_after_load"))
        }
        guard let table = LoadTable(rawValue: current.lowercasedText(in: source)) else {
            throw Diagnostic.unknown("table", current.text(in: source), at: current.span, among: choices,
                                     fallbackHint: Self.phrase("tables_are"))
        }
        return Spanned(table, at: advance().span)
    }

    /// One or more `key=value` pairs parsed by `parsePair`, stopping before a load option word or a
    /// token that cannot start a pair.
    mutating func parsePairs<Pair>(_ what: @autoclosure () -> String, _ parsePair: (inout Parser) throws(Diagnostic) -> Pair) throws(Diagnostic) -> [Pair] {
        var pairs: [Pair] = []
        while current.kind == .string
                || (current.kind == .identifier && !Keywords.loadOptions.contains(current.lowercasedText(in: source))) {
            pairs.append(try parsePair(&self))
        }
        if pairs.isEmpty { throw expected(what()) }
        return pairs
    }

    /// mapping = role "=" name ;
    mutating func parseColumnMapping() throws(Diagnostic) -> ColumnMapping {
        let roleToken = current
        guard roleToken.kind == .identifier else { throw expected(Self.phrase("role_name")) }
        guard let role = LoadRole(rawValue: roleToken.lowercasedText(in: source)) else {
            throw Diagnostic.unknown("role", roleToken.text(in: source), at: roleToken.span, among: LoadRole.allCases.map(\.rawValue),
                                     fallbackHint: Self.phrase("roles_are", ["list": LoadRole.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ")]))
        }
        advance()
        _ = try expect(.equal, Self.phrase("equal_after", ["word": role.rawValue]), hints: [Self.phrase("write_role", ["role": role.rawValue])])
        let column = try parseName(Self.phrase("column_after_role", ["role": role.rawValue]))
        return ColumnMapping(role: Spanned(role, at: roleToken.span), column: column, span: span(from: roleToken.span))
    }

    /// time_format = name "=" ( string | identifier ) ;
    mutating func parseTimeFormat() throws(Diagnostic) -> TimeFormatSpec {
        let column = try parseName(Self.phrase("column_or_role"))
        _ = try expect(.equal, Self.phrase("equal_after", ["word": column.text]), hints: [Self.phrase("write_format", ["column": column.text])])
        let format = try parseName(Self.phrase("time_format_after_equal"))
        return TimeFormatSpec(column: column, format: Spanned(format.text, at: format.span), span: span(from: column.span))
    }

    /// delimiter = string | "tab" | "comma" | "semicolon" | "pipe" | "space" ;
    mutating func parseDelimiter() throws(Diagnostic) -> Spanned<UInt8> {
        _ = try expect(.equal, Self.phrase("equal_after_delim"), hints: [Self.phrase("write_delim")])
        let token = current
        let hint = Self.phrase("delimiter_is")
        let named: [String: UInt8] = ["tab": 9, "comma": 44, "semicolon": 59, "pipe": 124, "space": 32]
        switch token.kind {
        case .string:
            let text = StringLiteralDecoder.decode(token.text(in: source))
            let value = Array(text.utf8)
            guard value.count == 1, value[0] < 0x80 else {
                let why = value.isEmpty ? Self.phrase("delimiter_empty")
                    : text.unicodeScalars.count == 1 ? Self.phrase("delimiter_bytes", ["count": "\(value.count)"])
                    : Self.phrase("delimiter_characters", ["count": "\(text.unicodeScalars.count)"])
                throw Diagnostic(Self.phrase("invalid_delimiter", ["token": describe(token), "why": why]), at: token.span, hints: [hint])
            }
            if let problem = Self.delimiterProblem(value[0]) {
                throw Diagnostic(Self.phrase("cannot_be_delimiter", ["token": describe(token), "problem": "\(problem)"]), at: token.span, hints: [hint])
            }
            return Spanned(value[0], at: advance().span)
        case .identifier:
            guard let byte = named[token.lowercasedText(in: source)] else {
                throw Diagnostic.unknown("delimiter", token.text(in: source), at: token.span, among: Array(named.keys).sorted(),
                                         fallbackHint: hint)
            }
            return Spanned(byte, at: advance().span)
        default:
            throw expected(Self.phrase("delimiter_after_delim"), hints: [hint])
        }
    }

    /// Why `byte` cannot separate fields, or nil: line breaks end records, the double quote quotes fields,
    /// NUL marks binary files. (The store checks the same for options built in code: `LoadError.delimiterProblem`.)
    static func delimiterProblem(_ byte: UInt8) -> String? {
        switch byte {
        case UInt8(ascii: "\n"), UInt8(ascii: "\r"): Self.phrase("delimiter_line_break")
        case UInt8(ascii: "\""): Self.phrase("delimiter_double_quote")
        case 0: Self.phrase("delimiter_nul")
        default: nil
        }
    }
}
