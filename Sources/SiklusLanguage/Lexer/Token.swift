/// What a token is. Keywords are not token kinds: the language's words (`cohort`, `where`, `by`,
/// `period`, …) are contextual, so they arrive as `.identifier` and the parser matches them by text,
/// case-insensitively. That leaves every word free to be a column or event name elsewhere.
public enum TokenKind: String, Hashable, Sendable, CaseIterable {
    /// A word: `[A-Za-z_]` or any non-ASCII byte, then also digits. `signup`, `avg_order`, `pelanggan`, `café`.
    case identifier
    /// Digits only: `42`, `2022`.
    case integer
    /// Digits with a fraction, an exponent or both: `3.5`, `0.25e2`, `1e5`.
    case number
    /// A quoted string, `"…"` or `'…'`, with escapes; may span lines.
    case string
    /// A calendar date: `2022-09` (month), `2022-09-14` (day), `2022-Q3` (quarter),
    /// `2022-09-14T10:30` or `2022-09-14T10:30:15` (timestamp). Field ranges are checked by the parser.
    case date
    /// An integer with a unit: `90d`, `12w`, `24h`, `30m` (minutes), `6mo`, `1y`, or long forms like `30days`.
    case duration
    /// `|`, between pipeline steps.
    case pipe
    /// `;`, between statements on one line.
    case semicolon
    /// `,`
    case comma
    /// `(`
    case leftParen
    /// `)`
    case rightParen
    /// `.`, inside qualified names like `customers.channel`.
    case dot
    /// `..`, in ranges like `2022-09..2022-12`.
    case dotDot
    /// `=` (also written `==`).
    case equal
    /// `!=` (also written `<>`).
    case notEqual
    /// `<`
    case less
    /// `<=`
    case lessEqual
    /// `>`
    case greater
    /// `>=`
    case greaterEqual
    /// `->`, between funnel steps.
    case arrow
    /// `+=`, adding events to a stage.
    case plusEqual
    /// `-=`, removing events from a stage.
    case minusEqual
    /// `-`: before a number (`-5`), or subtraction in a `derive` expression.
    case minus
    /// `+`, addition in a `derive` expression.
    case plus
    /// `*`, multiplication in a `derive` expression.
    case star
    /// `/`, division in a `derive` expression.
    case slash
    /// A line break that ends a statement. The raw lexer emits one per line break; `LineJoiner` removes
    /// those that continue a statement.
    case newline
    /// The end of the text; always the last token, with an empty span.
    case endOfInput
    /// A `#` or `--` comment (trivia: emitted only when the lexer is asked for trivia).
    case comment
    /// A `\` that joins a line to the next one (trivia: emitted only when the lexer is asked for trivia).
    case lineContinuation
    /// A string whose closing quote never comes; its span runs from the quote to the end of its line.
    case unterminatedString
    /// Bytes that start no token (`@`, `!`, `{`), or a malformed number (`30x`, `2022-9`).
    case invalid

    /// True for tokens that never reach the parser unless trivia was requested.
    public var isTrivia: Bool { self == .comment || self == .lineContinuation }

    /// True for tokens that end a statement: `;`, a line break, or the end of the text.
    public var isStatementEnd: Bool { self == .semicolon || self == .newline || self == .endOfInput }
}

/// One token: its kind and where it is. The text is not copied; read it with `text(in:)`.
public struct Token: Hashable, Sendable {
    /// What the token is.
    public var kind: TokenKind
    /// The bytes it covers in its `SourceFile`.
    public var span: SourceSpan

    /// Creates a token of `kind` covering `span`.
    public init(_ kind: TokenKind, _ span: SourceSpan) {
        self.kind = kind
        self.span = span
    }

    /// The token's text exactly as written (for strings: including the quotes, escapes undecoded).
    public func text(in source: SourceFile) -> String { source[span] }

    /// The token's text in lowercase, for case-insensitive keyword matching.
    public func lowercasedText(in source: SourceFile) -> String { source[span].lowercased() }

    /// True when this is an identifier spelled `word` (given in lowercase ASCII), in any case.
    /// Compares bytes without allocating.
    /// - Complexity: O(`word.utf8.count`).
    public func isWord(_ word: String, in source: SourceFile) -> Bool {
        guard kind == .identifier, span.end - span.start == word.utf8.count else { return false }
        var offset = span.start
        for expected in word.utf8 {
            guard asciiLowercase(source.bytes[offset]) == expected else { return false }
            offset += 1
        }
        return true
    }
}

/// Lowercases an ASCII letter byte; other bytes pass through.
@inline(__always)
func asciiLowercase(_ byte: UInt8) -> UInt8 {
    byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
}
