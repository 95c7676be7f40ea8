/// Turns a `SourceFile` into tokens, one byte at a time over `SourceFile.bytes`.
///
/// The lexer never fails: bytes that start no token become `.invalid` tokens and a string without its
/// closing quote becomes `.unterminatedString`; the parser turns those into diagnostics. Spaces, tabs
/// and carriage returns separate tokens; `#` and `--` start comments that run to the end of the line;
/// a `\` followed only by spaces or a comment before the line break joins the line to the next one.
///
///     var lexer = Lexer(SourceFile(name: "q", text: "cohort signup=2022-09"))
///     lexer.nextToken()   // identifier `cohort`
///     lexer.nextToken()   // identifier `signup`, then `=`, date `2022-09`, end of input
public struct Lexer: Sendable {
    /// The text being tokenized.
    public let source: SourceFile
    /// When true, comments and line continuations are returned as `.comment` and `.lineContinuation`
    /// tokens (for syntax highlighting and `needsContinuation`); otherwise they are skipped.
    public let includesTrivia: Bool
    let bytes: [UInt8]
    var position = 0
    /// Set after a `\` continuation: the next line break is not a token.
    private var swallowsNextNewline = false

    /// A lexer positioned at the start of `source`.
    public init(_ source: SourceFile, includesTrivia: Bool = false) {
        self.source = source
        self.includesTrivia = includesTrivia
        self.bytes = source.bytes
    }

    /// Every token of `source`, line breaks included, ending with one `.endOfInput`.
    /// - Complexity: O(n) in the length of the text.
    public static func tokenize(_ source: SourceFile, includesTrivia: Bool = false) -> [Token] {
        var lexer = Lexer(source, includesTrivia: includesTrivia)
        var tokens: [Token] = []
        tokens.reserveCapacity(source.bytes.count / 3 + 1)
        while true {
            let token = lexer.nextToken()
            tokens.append(token)
            if token.kind == .endOfInput { return tokens }
        }
    }

    /// The next token; `.endOfInput` (with an empty span at the end of the text) once the text is used up,
    /// and again on every later call.
    public mutating func nextToken() -> Token {
        while true {
            skipBlanks()
            guard position < bytes.count else { return Token(.endOfInput, SourceSpan(start: bytes.count, end: bytes.count)) }
            let start = position
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\n"):
                position += 1
                if swallowsNextNewline {
                    swallowsNextNewline = false
                    continue
                }
                return Token(.newline, SourceSpan(start: start, end: position))
            case UInt8(ascii: "#"):
                skipToEndOfLine()
                if includesTrivia { return Token(.comment, SourceSpan(start: start, end: position)) }
            case UInt8(ascii: "-") where peek(1) == UInt8(ascii: "-"):
                skipToEndOfLine()
                if includesTrivia { return Token(.comment, SourceSpan(start: start, end: position)) }
            case UInt8(ascii: "\\") where continuesLine(after: position + 1):
                position += 1
                swallowsNextNewline = true
                if includesTrivia { return Token(.lineContinuation, SourceSpan(start: start, end: position)) }
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                return scanString(quote: byte)
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                return scanNumberLike()
            case CurlyQuote.lead.0 where CurlyQuote.straight(bytes, at: position) != nil:
                return scanString(quote: CurlyQuote.straight(bytes, at: position) ?? byte, openerLength: 3)
            default:
                if isIdentifierStart(byte) { return scanIdentifier() }
                return scanPunctuation()
            }
        }
    }

    // MARK: - Trivia

    /// Skips spaces, tabs, carriage returns, vertical tabs and form feeds (not line feeds).
    private mutating func skipBlanks() {
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), 0x0B, 0x0C: position += 1
            default: return
            }
        }
    }

    /// Moves to the next `\n` (not past it) or the end of the text.
    private mutating func skipToEndOfLine() {
        while position < bytes.count, bytes[position] != UInt8(ascii: "\n") { position += 1 }
    }

    /// True when only blanks and perhaps a comment stand between `offset` and the end of the line.
    private func continuesLine(after offset: Int) -> Bool {
        var i = offset
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), 0x0B, 0x0C: i += 1
            case UInt8(ascii: "\n"), UInt8(ascii: "#"): return true
            case UInt8(ascii: "-"): return i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "-")
            default: return false
            }
        }
        return true
    }

    // MARK: - Words and punctuation

    private mutating func scanIdentifier() -> Token {
        let start = position
        position += 1
        while position < bytes.count, isIdentifierContinue(bytes[position]) { position += 1 }
        return Token(.identifier, SourceSpan(start: start, end: position))
    }

    private mutating func scanPunctuation() -> Token {
        let start = position
        let byte = bytes[position]
        let next = peek(1)
        let kind: TokenKind
        var length = 1
        switch byte {
        case UInt8(ascii: "|"): kind = .pipe
        case UInt8(ascii: ";"): kind = .semicolon
        case UInt8(ascii: ","): kind = .comma
        case UInt8(ascii: "("): kind = .leftParen
        case UInt8(ascii: ")"): kind = .rightParen
        case UInt8(ascii: "."):
            if next == UInt8(ascii: ".") { kind = .dotDot; length = 2 } else { kind = .dot }
        case UInt8(ascii: "="):
            kind = .equal
            if next == UInt8(ascii: "=") { length = 2 }
        case UInt8(ascii: "!"):
            if next == UInt8(ascii: "=") { kind = .notEqual; length = 2 } else { kind = .invalid }
        case UInt8(ascii: "<"):
            switch next {
            case UInt8(ascii: "="): kind = .lessEqual; length = 2
            case UInt8(ascii: ">"): kind = .notEqual; length = 2
            default: kind = .less
            }
        case UInt8(ascii: ">"):
            if next == UInt8(ascii: "=") { kind = .greaterEqual; length = 2 } else { kind = .greater }
        case UInt8(ascii: "-"):
            switch next {
            case UInt8(ascii: ">"): kind = .arrow; length = 2
            case UInt8(ascii: "="): kind = .minusEqual; length = 2
            default: kind = .minus
            }
        case UInt8(ascii: "+"):
            if next == UInt8(ascii: "=") { kind = .plusEqual; length = 2 } else { kind = .plus }
        case UInt8(ascii: "*"): kind = .star
        case UInt8(ascii: "/"): kind = .slash
        default:
            kind = .invalid
        }
        position += length
        return Token(kind, SourceSpan(start: start, end: position))
    }

    /// The byte `distance` ahead of the current position, or nil past the end.
    func peek(_ distance: Int) -> UInt8? {
        let i = position + distance
        return i < bytes.count ? bytes[i] : nil
    }
}

/// ASCII letters, `_`, and every non-ASCII byte (so UTF-8 letters such as `é` or `ñ` form identifiers).
@inline(__always)
func isIdentifierStart(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte == UInt8(ascii: "_") || byte >= 0x80
}

/// Identifier-start bytes and ASCII digits.
@inline(__always)
func isIdentifierContinue(_ byte: UInt8) -> Bool {
    isIdentifierStart(byte) || isDigit(byte)
}

/// ASCII `0`…`9`.
@inline(__always)
func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
}
