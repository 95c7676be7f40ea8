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
            throw expected("the engine table's name in quotes after `load \(table.value.rawValue) table`",
                           hints: ["write `\(example)`; `load \(table.value.rawValue) \"file.csv\"` reads a file"])
        }
        let name = StringLiteralDecoder.decode(nameToken.text(in: source))
        if name.allSatisfy({ $0 == " " || $0 == "\t" }) {
            throw Diagnostic("the table name is empty", at: nameToken.span, hints: ["write `\(example)`"])
        }
        var load = LoadTableStatement(table: table, keyword: keyword.span, name: Spanned(name, at: nameToken.span))
        while !atStatementEnd {
            guard current.kind == .identifier else { throw expected("`map` or the end of the statement") }
            let word = current.lowercasedText(in: source)
            if word == "map" {
                advance()
                load.mappings += try parsePairs("a mapping such as `customer=cust_id` after `map`") { parser throws(Diagnostic) in
                    try parser.parseColumnMapping()
                }
                continue
            }
            if let reason = Self.fileOnlyOptionReason(word) {
                throw Diagnostic("`\(current.text(in: source))` is a file option; `load … table` binds an engine table", at: current.span,
                                 hints: [reason])
            }
            var diagnostic = Diagnostic.unknown("option of a table load", current.text(in: source), at: current.span,
                                                among: Keywords.tableLoadOptions,
                                                fallbackHint: "a table load takes only `map role=column`")
            if LoadRole(rawValue: word) != nil, peek().kind == .equal {
                diagnostic.hints = ["role mappings follow `map`: `map \(word)=…`"]
            }
            throw diagnostic
        }
        return load
    }

    /// Why a file option means nothing for an engine table, or nil when `word` is not a file option.
    static func fileOnlyOptionReason(_ word: String) -> String? {
        switch word {
        case "delim": "an engine table has no delimiter: its columns are already separated"
        case "format": "the engine types the table's times; cast a text column to a timestamp in a view and bind the view"
        case "header": "an engine table's columns are named by the table"
        case "columns": "an engine table's columns are named by the table; give roles with `map role=column`"
        case "ids": "ids are read as the engine holds them; cast or rewrite the id column in a view and bind the view"
        case "append", "replace": "a binding reads the table as it is; binding another table replaces it"
        default: nil
        }
    }

    /// connect = "connect" engine [ STRING ] ;
    mutating func parseConnect() throws(Diagnostic) -> ConnectStatement {
        advance()
        let choices = Keywords.engines
        let examples = "`connect postgres \"host=localhost dbname=shop\"` or `connect spark`"
        guard current.kind == .identifier else {
            throw expected("an engine (\(choices.map { "`\($0)`" }.joined(separator: " or "))) after `connect`", hints: ["write \(examples)"])
        }
        let word = current.lowercasedText(in: source)
        guard let engine = ConnectEngine(rawValue: word) else {
            if word == "duckdb" {
                throw Diagnostic("Siklus does not connect to DuckDB", at: current.span,
                                 hints: ["the in-memory engine runs locally; `explain` shows a pipeline's DuckDB SQL"])
            }
            throw Diagnostic.unknown("engine", current.text(in: source), at: current.span, among: choices,
                                     fallbackHint: "engines are " + choices.map { "`\($0)`" }.joined(separator: " and "))
        }
        let engineSpan = advance().span
        var statement = ConnectStatement(engine: Spanned(engine, at: engineSpan), target: nil)
        if let token = match(.string) {
            let target = StringLiteralDecoder.decode(token.text(in: source))
            if engine == .spark, target.isEmpty {
                throw Diagnostic("the master URL is empty", at: token.span,
                                 hints: ["write `connect spark` for local[2], or a master URL such as `\"spark://host:7077\"`"])
            }
            statement.target = Spanned(target, at: token.span)
        } else if engine == .postgres {
            throw expected("a connection string in quotes after `connect postgres`",
                           hints: ["write `connect postgres \"host=localhost dbname=shop\"` or `\"postgresql://user@host/db\"`; "
                                   + "`\"\"` uses libpq's defaults (PGHOST, PGDATABASE, …)"])
        }
        guard atStatementEnd else {
            throw unexpected(after: "`connect \(engine.rawValue)\(statement.target == nil ? "" : " \"…\"")`",
                             hints: ["the target is one string: `connect \(engine.rawValue) \"…\"`"])
        }
        return statement
    }

    /// disconnect = "disconnect" ;
    mutating func parseDisconnect() throws(Diagnostic) -> Statement {
        advance()
        guard atStatementEnd else {
            throw unexpected(after: "`disconnect`", hints: ["`disconnect` takes nothing: it closes the one connection"])
        }
        return .disconnect
    }
}
