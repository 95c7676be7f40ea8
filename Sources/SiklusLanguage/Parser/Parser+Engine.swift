extension Parser {
    /// `load <table> table …` binds an engine table; any other `load` reads a file.
    mutating func parseLoadStatement() throws(Diagnostic) -> Statement {
        peek(2).isWord(Keywords.tableSource, in: source) ? .loadTable(try parseTableBinding()) : .load(try parseLoad())
    }

    /// load_table = "load" table "table" STRING { "map" mapping { mapping } } ;
    mutating func parseTableBinding() throws(Diagnostic) -> LoadTableStatement {
        advance()
        let table = try parseLoadTable()
        let keyword = advance()
        let example = "load \(table.value.rawValue) table \"public.\(table.value.rawValue)\""
        guard let nameToken = match(.string) else {
            throw expected(Self.phrase("engine_table_name", ["table": table.value.rawValue]),
                           hints: [Self.phrase("write_table_binding", ["example": example, "table": table.value.rawValue])])
        }
        let name = StringLiteralDecoder.decode(nameToken.text(in: source))
        if name.allSatisfy({ $0 == " " || $0 == "\t" }) {
            throw Diagnostic(Self.phrase("table_name_empty"), at: nameToken.span, hints: [Self.phrase("write_example", ["example": example])])
        }
        var load = LoadTableStatement(table: table, keyword: keyword.span, name: Spanned(name, at: nameToken.span))
        while !atStatementEnd {
            guard current.kind == .identifier else { throw expected(Self.phrase("map_or_end")) }
            let word = current.lowercasedText(in: source)
            if word == "map" {
                advance()
                load.mappings += try parsePairs(Self.phrase("mapping_after_map_table")) { parser throws(Diagnostic) in
                    try parser.parseColumnMapping()
                }
                continue
            }
            if let reason = Self.fileOnlyOptionReason(word) {
                throw Diagnostic(Self.phrase("file_option", ["word": current.text(in: source)]), at: current.span,
                                 hints: [reason])
            }
            var diagnostic = Diagnostic.unknown("option of a table load", current.text(in: source), at: current.span,
                                                among: Keywords.tableLoadOptions,
                                                fallbackHint: Self.phrase("table_load_takes"))
            if LoadRole(rawValue: word) != nil, peek().kind == .equal {
                diagnostic.hints = [Self.phrase("role_mappings_follow_map", ["word": word])]
            }
            throw diagnostic
        }
        return load
    }

    /// Why a file option means nothing for an engine table, or nil when `word` is not a file option.
    static func fileOnlyOptionReason(_ word: String) -> String? {
        switch word {
        case "delim": Self.phrase("engine_no_delimiter")
        case "format": Self.phrase("engine_types_times")
        case "header": Self.phrase("engine_names_columns")
        case "columns": Self.phrase("engine_names_columns_roles")
        case "ids": Self.phrase("engine_ids")
        case "append", "replace": Self.phrase("engine_binding_mode")
        default: nil
        }
    }

    /// connect = "connect" engine [ STRING ] ;
    mutating func parseConnect() throws(Diagnostic) -> ConnectStatement {
        advance()
        let choices = Keywords.engines
        guard current.kind == .identifier else {
            throw expected(Self.phrase("engine_after_connect", ["list": Self.quotedList(choices, lastJoinedBy: "word.or")]),
                           hints: [Self.phrase("write_examples", ["examples": Self.phrase("connect_examples")])])
        }
        let word = current.lowercasedText(in: source)
        guard let engine = ConnectEngine(rawValue: word) else {
            if word == "duckdb" {
                throw Diagnostic(Self.phrase("no_duckdb"), at: current.span,
                                 hints: [Self.phrase("duckdb_local")])
            }
            throw Diagnostic.unknown("engine", current.text(in: source), at: current.span, among: choices,
                                     fallbackHint: Self.phrase("engines_are", ["list": Self.quotedList(choices, lastJoinedBy: "word.and")]))
        }
        let engineSpan = advance().span
        var statement = ConnectStatement(engine: Spanned(engine, at: engineSpan), target: nil)
        if let token = match(.string) {
            let target = StringLiteralDecoder.decode(token.text(in: source))
            if engine == .spark, target.isEmpty {
                throw Diagnostic(Self.phrase("master_url_empty"), at: token.span,
                                 hints: [Self.phrase("write_connect_spark")])
            }
            statement.target = Spanned(target, at: token.span)
        } else if engine == .postgres {
            throw expected(Self.phrase("connection_string"),
                           hints: [Self.phrase("write_connect_postgres")])
        }
        guard atStatementEnd else {
            throw unexpected(after: "`connect \(engine.rawValue)\(statement.target == nil ? "" : " \"…\"")`",
                             hints: [Self.phrase("target_one_string", ["engine": engine.rawValue])])
        }
        return statement
    }

    /// disconnect = "disconnect" ;
    mutating func parseDisconnect() throws(Diagnostic) -> Statement {
        advance()
        guard atStatementEnd else {
            throw unexpected(after: "`disconnect`", hints: [Self.phrase("disconnect_takes_nothing")])
        }
        return .disconnect
    }
}
