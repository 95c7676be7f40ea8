extension Lexer {
    /// A `"…"` or `'…'` string. A backslash escapes the next byte (decoding happens in
    /// `StringLiteralDecoder`); line breaks may appear inside. Without a closing quote the token is
    /// `.unterminatedString`, spanning from the quote to the end of its line, and lexing resumes at
    /// that line break so the following lines still tokenize normally. `openerLength` is 3 for a string
    /// opened by a curly quote (`CurlyQuote`), whose `quote` is the straight quote it stands for.
    mutating func scanString(quote: UInt8, openerLength: Int = 1) -> Token {
        let start = position
        var i = position + openerLength
        while i < bytes.count {
            let byte = bytes[i]
            if byte == quote {
                position = i + 1
                return Token(.string, SourceSpan(start: start, end: position))
            }
            // A string opened by a curly quote also ends at a curly quote of its kind (`CurlyQuote`).
            if openerLength > 1, CurlyQuote.straight(bytes, at: i) == quote {
                position = i + 3
                return Token(.string, SourceSpan(start: start, end: position))
            }
            i += byte == UInt8(ascii: "\\") ? 2 : 1
        }
        var end = start + openerLength
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
        position = end
        if end > start + openerLength, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return Token(.unterminatedString, SourceSpan(start: start, end: end))
    }

    /// A token that starts with a digit: integer, number (`3.5`, `1e5`), date, duration, or `.invalid`
    /// when malformed (`30x`, `2022-9`, `1.5d`).
    ///
    /// Dates need exactly four year digits: `YYYY-MM`, `YYYY-MM-DD`, `YYYY-Qn`, `YYYY-MM-DDTHH:MM[:SS]`.
    /// `1..5` is an integer, `..`, an integer: a `.` makes a fraction only when a digit follows it.
    mutating func scanNumberLike() -> Token {
        let start = position
        let yearDigits = skipDigits()
        var kind = TokenKind.integer
        if yearDigits == 4, peek(0) == UInt8(ascii: "-"), let after = peek(1),
           isDigit(after) || ((after | 0x20) == UInt8(ascii: "q") && peek(2).map(isDigit) == true) {
            kind = scanDateRest()
        } else if peek(0) == UInt8(ascii: "."), let after = peek(1), isDigit(after) {
            position += 1
            skipDigits()
            scanExponent()
            kind = .number
        } else if scanExponent() {
            kind = .number
        }
        if let next = peek(0), isIdentifierContinue(next) {
            let suffixStart = position
            while let byte = peek(0), isIdentifierContinue(byte) { position += 1 }
            let suffix = String(decoding: bytes[suffixStart..<position], as: UTF8.self)
            kind = kind == .integer && DurationUnit(suffix: suffix) != nil ? .duration : .invalid
        }
        return Token(kind, SourceSpan(start: start, end: position))
    }

    /// After `YYYY` at a `-`: the month, day and time or quarter parts. Returns `.date` or `.invalid`.
    private mutating func scanDateRest() -> TokenKind {
        position += 1
        if let q = peek(0), (q | 0x20) == UInt8(ascii: "q") {
            position += 1
            return skipDigits() == 1 ? .date : .invalid
        }
        guard skipDigits() == 2 else { return .invalid }
        guard peek(0) == UInt8(ascii: "-"), peek(1).map(isDigit) == true else { return .date }
        position += 1
        guard skipDigits() == 2 else { return .invalid }
        guard let t = peek(0), (t | 0x20) == UInt8(ascii: "t"), peek(1).map(isDigit) == true else { return .date }
        position += 1
        guard skipDigits() == 2, peek(0) == UInt8(ascii: ":"), peek(1).map(isDigit) == true else { return .invalid }
        position += 1
        guard skipDigits() == 2 else { return .invalid }
        guard peek(0) == UInt8(ascii: ":"), peek(1).map(isDigit) == true else { return .date }
        position += 1
        return skipDigits() == 2 ? .date : .invalid
    }

    /// `e5`, `E+5`, `e-5` after the digits of a number; returns false (consuming nothing) when no
    /// digit follows the `e`.
    @discardableResult
    private mutating func scanExponent() -> Bool {
        guard let e = peek(0), (e | 0x20) == UInt8(ascii: "e") else { return false }
        if let d = peek(1), isDigit(d) {
            position += 1
        } else if let sign = peek(1), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"), peek(2).map(isDigit) == true {
            position += 2
        } else {
            return false
        }
        skipDigits()
        return true
    }

    /// Advances over ASCII digits and returns how many there were.
    @discardableResult
    private mutating func skipDigits() -> Int {
        let start = position
        while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        return position - start
    }
}
