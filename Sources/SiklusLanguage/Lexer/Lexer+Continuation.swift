extension Lexer {
    /// True when `text` ends inside an unfinished statement, so a REPL should read another line:
    /// the last token (ignoring blanks and comments) is `|` or a `\` continuation, a string is still
    /// open, or a parenthesis is still open.
    ///
    ///     Lexer.needsContinuation("cohort signup=2022-09 |")       // true
    ///     Lexer.needsContinuation("events | where x in (a, b")     // true
    ///     Lexer.needsContinuation("events | stage retention  # ok") // false
    public static func needsContinuation(_ text: String) -> Bool {
        let tokens = tokenize(SourceFile(name: "<input>", text: text), includesTrivia: true)
        var depth = 0
        var last: TokenKind?
        for token in tokens {
            switch token.kind {
            case .unterminatedString: return true
            case .comment, .newline, .endOfInput: continue
            case .leftParen: depth += 1
            case .rightParen: depth = max(0, depth - 1)
            case .semicolon: depth = 0
            default: break
            }
            last = token.kind
        }
        return depth > 0 || last == .pipe || last == .lineContinuation
    }

    /// Removes the line breaks that do not end a statement, leaving `.newline` tokens only where a
    /// statement really ends (and never two in a row, nor at the start).
    ///
    /// A line break continues the statement when:
    /// - the line ends with `|` (trailing pipe), or the next non-blank line starts with `|` (leading pipe);
    /// - it lies inside parentheses that are closed later in the same statement. A `(` that is never
    ///   closed does not swallow the rest of the file: its line breaks still end statements, so one
    ///   missing `)` costs one diagnostic, not every statement after it.
    ///
    /// (`\` continuations are handled by the lexer itself; line breaks inside strings are part of the
    /// string token.) Trivia tokens, if any, are dropped.
    /// - Complexity: O(n) in the number of tokens.
    public static func joinContinuedLines(_ tokens: [Token]) -> [Token] {
        let insideParentheses = newlinesInsideClosedParentheses(tokens)
        var nextIsPipe = [Bool](repeating: false, count: tokens.count)
        var upcoming = TokenKind.endOfInput
        for index in tokens.indices.reversed() {
            nextIsPipe[index] = upcoming == .pipe
            let kind = tokens[index].kind
            if kind != .newline, !kind.isTrivia { upcoming = kind }
        }
        var joined: [Token] = []
        joined.reserveCapacity(tokens.count)
        for index in tokens.indices {
            let token = tokens[index]
            if token.kind.isTrivia { continue }
            if token.kind == .newline {
                let previous = joined.last?.kind
                if previous == nil || previous == .newline || previous == .pipe || previous == .semicolon { continue }
                if nextIsPipe[index] || insideParentheses[index] { continue }
            }
            joined.append(token)
        }
        return joined
    }

    /// For each token index: true when it is a line break enclosed by a `(` whose `)` comes later,
    /// before any `;`. Matching uses a stack, so a line break belongs to its innermost open parenthesis.
    private static func newlinesInsideClosedParentheses(_ tokens: [Token]) -> [Bool] {
        var result = [Bool](repeating: false, count: tokens.count)
        var openGroups: [[Int]] = []
        for index in tokens.indices {
            switch tokens[index].kind {
            case .leftParen:
                openGroups.append([])
            case .rightParen:
                if let closed = openGroups.popLast() {
                    for newline in closed { result[newline] = true }
                }
            case .newline:
                if !openGroups.isEmpty { openGroups[openGroups.count - 1].append(index) }
            case .semicolon:
                openGroups.removeAll()
            default:
                break
            }
        }
        return result
    }
}
