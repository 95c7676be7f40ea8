extension Parser {
    /// statement = load | load_table | unload | connect | disconnect | let | set | stages | stage_edit | explain
    ///           | help | pipeline ;
    mutating func parseStatement() throws(Diagnostic) -> StatementNode {
        let start = current.span
        guard current.kind == .identifier else {
            throw expected(Self.phrase("a_statement"), hints: [Self.phrase("statement_starts")])
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
            throw expected(Self.phrase("table_after_unload"), hints: [Self.phrase("write_unload")])
        }
        let table = try parseLoadTable()
        guard atStatementEnd else {
            throw unexpected(after: "`unload \(table.value.rawValue)`", hints: [Self.phrase("unload_one_table")])
        }
        return table
    }

    /// let = "let" identifier "=" pipeline ;
    mutating func parseLet() throws(Diagnostic) -> LetStatement {
        advance()
        let name = try parseIdentifier(Self.phrase("variable_after_let"))
        if Keywords.reservedVariableNames.contains(name.lowercased) {
            throw Diagnostic(Self.phrase("keyword_not_variable", ["name": name.text]), at: name.span,
                             hints: [Self.phrase("choose_another_name", ["name": name.lowercased])])
        }
        _ = try expect(.equal, Self.phrase("equal_after_let", ["name": name.text]), hints: [Self.phrase("write_let", ["name": name.text])])
        if atStatementEnd { throw expected(Self.phrase("pipeline_after_equal")) }
        return LetStatement(name: name, pipeline: try parsePipeline(atStatementStart: false))
    }

    /// set = "set" identifier "=" literal ;
    mutating func parseSet() throws(Diagnostic) -> SetStatement {
        advance()
        let option = try parseIdentifier(Self.phrase("option_after_set"),
                                         hints: [Self.phrase("options_include")])
        _ = try expect(.equal, Self.phrase("equal_after_set", ["option": option.text]), hints: [Self.phrase("write_set", ["option": option.text])])
        let value = try parseLiteral(Self.phrase("value_after_equal"), allowsNames: true)
        return SetStatement(option: option, value: value)
    }

    /// stages = "stages" ;
    mutating func parseStages() throws(Diagnostic) -> Statement {
        advance()
        guard atStatementEnd else {
            throw unexpected(after: "`stages`", hints: [Self.phrase("edit_stage")])
        }
        return .stages
    }

    /// stage_edit = "stage" identifier ( "+=" | "-=" ) name { "," name } ;
    mutating func parseStageEdit() throws(Diagnostic) -> StageEdit {
        advance()
        let stage = try parseIdentifier(Self.phrase("stage_name_after_stage"))
        let operation: StageEditOperation
        switch current.kind {
        case .plusEqual: operation = .add
        case .minusEqual: operation = .remove
        default:
            throw expected(Self.phrase("edit_after_stage", ["stage": stage.text]),
                           hints: [Self.phrase("stage_edits_map", ["stage": stage.text]),
                                   Self.phrase("stage_step_from_source", ["stage": stage.text])])
        }
        let operationToken = advance()
        let events = try parseNameList(Self.phrase("event_after_edit", ["operation": operation.rawValue]), separatedBy: "events")
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
            throw expected(Self.phrase("pipeline_after_explain"), hints: [Self.phrase("write_explain"),
                                                               Self.phrase("explain_forms")])
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
