/// What parsing a script produced: the statements that parsed, and one diagnostic per statement that
/// did not. Good statements are kept even when others fail, in source order.
public struct ParseResult: Sendable {
    /// The statements that parsed, in order.
    public var statements: [StatementNode]
    /// One diagnostic per bad statement, in order.
    public var diagnostics: [Diagnostic]

    /// A result with the given statements and diagnostics.
    public init(statements: [StatementNode], diagnostics: [Diagnostic]) {
        self.statements = statements
        self.diagnostics = diagnostics
    }

    /// True when at least one statement failed to parse.
    public var hasErrors: Bool { !diagnostics.isEmpty }
}

/// A recursive-descent parser from tokens to `StatementNode`s, one method per grammar rule (see
/// docs/LANGUAGE.md for the grammar).
///
/// A statement ends at `;`, at a line break that does not continue it (see `Lexer.joinContinuedLines`),
/// or at the end of the text. On the first error in a statement the parser records one diagnostic,
/// skips to the statement's end (like jlox's `synchronize`) and carries on with the next statement.
///
///     let result = Parser.parse(SourceFile(name: "q.sik", text: "cohort signup=2022-09 | stage retention"))
///     result.statements.count   // 1
public struct Parser: Sendable {
    /// The text being parsed.
    let source: SourceFile
    /// Tokens after line joining: no trivia, `.newline` only where a statement ends; last is `.endOfInput`.
    let tokens: [Token]
    /// Index of the current token.
    var index = 0
    /// How many `(` and `not` the current condition is nested in; bounded by `maximumNesting`.
    var nesting = 0
    /// The deepest nesting of conditions accepted, so hostile input cannot exhaust the stack.
    static let maximumNesting = 200
    /// How many `and`/`or` operators the current `where` condition has; bounded by `maximumTerms`.
    var conditionTerms = 0
    /// The most `and`/`or` operators in one condition (each adds a level to the left-leaning tree).
    static let maximumTerms = 1_000

    /// A parser over `source`, positioned at its first token.
    init(_ source: SourceFile) {
        self.source = source
        self.tokens = Lexer.joinContinuedLines(Lexer.tokenize(source))
        precondition(tokens.last?.kind == .endOfInput, "the token stream ends with end of input")
    }

    /// Parses every statement in `source`.
    /// - Complexity: O(n) in the length of the text.
    public static func parse(_ source: SourceFile) -> ParseResult {
        var parser = Parser(source)
        return parser.parseScript()
    }

    /// Parses `text` as a script named `name` (a convenience for tests and one-line input).
    public static func parse(_ text: String, name: String = "<input>") -> ParseResult {
        parse(SourceFile(name: name, text: text))
    }

    /// script = { statement_end } [ statement { statement_end { statement_end } statement } ] ;
    mutating func parseScript() -> ParseResult {
        var statements: [StatementNode] = []
        var diagnostics: [Diagnostic] = []
        while true {
            while current.kind == .newline || current.kind == .semicolon { advance() }
            if current.kind == .endOfInput { break }
            let start = index
            do {
                try reportLexicalError()
                let statement = try parseStatement()
                try expectStatementEnd()
                statements.append(statement)
            } catch {
                nesting = 0
                synchronize()
                diagnostics.append(withMultilineStringHint(error, tokensFrom: start, to: index))
            }
            precondition(index > start, "parsing a statement consumes at least one token")
        }
        return ParseResult(statements: statements, diagnostics: diagnostics)
    }

    /// `diagnostic` with a hint when the statement's tokens in `range` include a string that spans
    /// lines: a missing closing quote makes a later quote close the string, which confuses every
    /// message after it.
    func withMultilineStringHint(_ diagnostic: Diagnostic, tokensFrom start: Int, to end: Int) -> Diagnostic {
        let spansLines = { (token: Token) in
            token.kind == .string && source.bytes[token.span.start..<token.span.end].contains(UInt8(ascii: "\n"))
        }
        guard let string = tokens[start..<end].first(where: spansLines) else { return diagnostic }
        var hinted = diagnostic
        let first = source.location(of: string.span.start), last = source.location(of: string.span.end)
        hinted.hints.append(Self.phrase("string_spans_lines", ["line": "\(first.line)", "column": "\(first.column)", "last": "\(last.line)"]))
        return hinted
    }

    /// Skips to the end of the current statement (a `;`, line break or the end), not consuming it.
    mutating func synchronize() {
        while !current.kind.isStatementEnd { advance() }
    }

    // MARK: - Token cursor

    /// The current token.
    var current: Token { tokens[index] }

    /// The token `distance` ahead of the current one (the end-of-input token past the end).
    func peek(_ distance: Int = 1) -> Token {
        tokens[min(index + distance, tokens.count - 1)]
    }

    /// The token before the current one, or the current one at the start.
    var previous: Token { tokens[max(index - 1, 0)] }

    /// Moves past the current token and returns it; stays on `.endOfInput`.
    @discardableResult
    mutating func advance() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    /// True when the current token has `kind`.
    func check(_ kind: TokenKind) -> Bool { current.kind == kind }

    /// True when the current token is the word `word` (lowercase), in any case.
    func checkWord(_ word: String) -> Bool { current.isWord(word, in: source) }

    /// Consumes the current token if it has `kind`.
    mutating func match(_ kind: TokenKind) -> Token? {
        check(kind) ? advance() : nil
    }

    /// Consumes the current token if it is the word `word`.
    mutating func matchWord(_ word: String) -> Token? {
        checkWord(word) ? advance() : nil
    }

    /// Consumes a token of `kind`, or fails with "expected <what>, found …".
    mutating func expect(_ kind: TokenKind, _ what: @autoclosure () -> String, hints: @autoclosure () -> [String] = []) throws(Diagnostic) -> Token {
        guard let token = match(kind) else { throw expected(what(), hints: hints()) }
        return token
    }

    /// True at `;`, a statement-ending line break, or the end.
    var atStatementEnd: Bool { current.kind.isStatementEnd }

    /// True where a step or statement ends: `|`, `;`, a line break or the end.
    var atStepEnd: Bool { atStatementEnd || check(.pipe) }

    /// The span from `start` to the end of the last consumed token.
    func span(from start: SourceSpan) -> SourceSpan {
        start.union(SourceSpan(start: previous.span.end, end: previous.span.end))
    }
}
