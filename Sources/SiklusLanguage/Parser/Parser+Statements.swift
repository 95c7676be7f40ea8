extension Parser {
    /// statement = load | load_table | unload | connect | disconnect | let | set | stages | stage_edit | explain
    ///           | help | pipeline ;
    mutating func parseStatement() throws(Diagnostic) -> StatementNode {
        let start = current.span
        guard current.kind == .identifier else {
            throw expected("a statement", hints: ["a statement starts with a source (`cohort`, `events` or a variable) or with "
                                                  + "`load`, `unload`, `let`, `set`, `stages`, `stage`, `explain`, `help`, `connect` or `disconnect`"])
        }
        let kind: Statement
        switch current.lowercasedText(in: source) {
        case "load": kind = try parseLoadStatement()
        case "unload": kind = .unload(try parseUnload())
        case "let": kind = .let(try parseLet())
        case "set": kind = .set(try parseSet())
        case "stages": kind = try parseStages()
        case "stage": kind = .stageEdit(try parseStageEdit())
        case "explain": let (pipeline, detail) = try parseExplain(); kind = .explain(pipeline, detail)
        case "help": kind = .help(parseHelp())
        case "connect": kind = .connect(try parseConnect())
        case "disconnect": kind = try parseDisconnect()
        default: kind = .pipeline(try parsePipeline(atStatementStart: true))
        }
        return StatementNode(kind, at: span(from: start))
    }

    /// unload = "unload" table ;
    mutating func parseUnload() throws(Diagnostic) -> Spanned<LoadTable> {
        advance()
        guard current.kind == .identifier else {
            throw expected("a table (`events`, `customers` or `spend`) after `unload`", hints: ["write `unload events`; `.clear` empties every table"])
        }
        let table = try parseLoadTable()
        guard atStatementEnd else {
            throw unexpected(after: "`unload \(table.value.rawValue)`", hints: ["`unload` takes one table; write one `unload` per table, or `.clear` for all"])
        }
        return table
    }

    /// let = "let" identifier "=" pipeline ;
    mutating func parseLet() throws(Diagnostic) -> LetStatement {
        advance()
        let name = try parseIdentifier("a variable name after `let`")
        if Keywords.reservedVariableNames.contains(name.lowercased) {
            throw Diagnostic("`\(name.text)` is a keyword and cannot name a variable", at: name.span,
                             hints: ["choose another name, such as `my_\(name.lowercased)`"])
        }
        _ = try expect(.equal, "`=` after `let \(name.text)`", hints: ["write `let \(name.text) = cohort signup=2022-09`"])
        if atStatementEnd { throw expected("a pipeline after `=`") }
        return LetStatement(name: name, pipeline: try parsePipeline(atStatementStart: false))
    }

    /// set = "set" identifier "=" literal ;
    mutating func parseSet() throws(Diagnostic) -> SetStatement {
        advance()
        let option = try parseIdentifier("an option name after `set`",
                                         hints: ["options include `churn_after`, `as_of`, `period` and `week_start`"])
        _ = try expect(.equal, "`=` after `set \(option.text)`", hints: ["write `set \(option.text) = <value>`"])
        let value = try parseLiteral("a value after `=`", allowsNames: true)
        return SetStatement(option: option, value: value)
    }

    /// stages = "stages" ;
    mutating func parseStages() throws(Diagnostic) -> Statement {
        advance()
        guard atStatementEnd else {
            throw unexpected(after: "`stages`", hints: ["to edit a stage write `stage <name> += <event>`"])
        }
        return .stages
    }

    /// stage_edit = "stage" identifier ( "+=" | "-=" ) name { "," name } ;
    mutating func parseStageEdit() throws(Diagnostic) -> StageEdit {
        advance()
        let stage = try parseIdentifier("a stage name after `stage`")
        let operation: StageEditOperation
        switch current.kind {
        case .plusEqual: operation = .add
        case .minusEqual: operation = .remove
        default:
            throw expected("`+=` or `-=` after `stage \(stage.text)`",
                           hints: ["`stage` at the start of a statement edits the stage map: `stage \(stage.text) += <event>`",
                                   "to keep customers in a stage, start from a source: `events | stage \(stage.text)`"])
        }
        let operationToken = advance()
        let events = try parseNameList("an event name after `\(operation.rawValue)`", separatedBy: "events")
        return StageEdit(stage: stage, operation: Spanned(operation, at: operationToken.span), events: events)
    }

    /// explain = "explain" [ "sql" | "tree" | "all" ] pipeline ;
    /// The form word is one only when a pipeline follows it: `explain sql | metric customers` reads a
    /// variable called `sql`.
    mutating func parseExplain() throws(Diagnostic) -> (Pipeline, ExplainDetail) {
        advance()
        var detail = ExplainDetail.short
        if current.kind == .identifier, let form = ExplainDetail(rawValue: current.text(in: source).lowercased()), form != .short,
           !peek().kind.isStatementEnd, peek().kind != .pipe {
            advance()
            detail = form
        }
        if atStatementEnd {
            throw expected("a pipeline after `explain`", hints: ["write `explain cohort signup=2022-09 | stage retention`",
                                                               "`explain sql …` adds the SQL, `explain tree …` the syntax tree, `explain all …` everything"])
        }
        return (try parsePipeline(atStatementStart: false), detail)
    }

    /// help = "help" { any token } ;
    mutating func parseHelp() -> [Spanned<String>] {
        advance()
        var words: [Spanned<String>] = []
        while !atStatementEnd {
            let token = advance()
            let text = token.kind == .string ? StringLiteralDecoder.decode(token.text(in: source)) : token.text(in: source)
            words.append(Spanned(text, at: token.span))
        }
        return words
    }
}
