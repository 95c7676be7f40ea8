extension Parser {
    /// How a token is named in messages: "`where`", "number `3`", "date `2022-09`", "end of line".
    func describe(_ token: Token) -> String {
        let text = abbreviated(token.text(in: source))
        switch token.kind {
        case .newline: return MessageCatalog.text("token.end_of_line")
        case .endOfInput: return MessageCatalog.text("token.end_of_input")
        case .integer, .number: return MessageCatalog.text("token.number", ["text": text])
        case .string: return MessageCatalog.text("token.string", ["text": text])
        case .date: return MessageCatalog.text("token.date", ["text": text])
        case .duration: return MessageCatalog.text("token.duration", ["text": text])
        case .unterminatedString: return MessageCatalog.text("token.unterminated")
        default: return "`\(text)`"
        }
    }

    /// Where to point for a problem at `token`: the token itself, or just after the previous token
    /// when `token` is a line break or the end (so the caret sits where something is missing).
    func errorSpan(at token: Token) -> SourceSpan {
        guard token.kind == .newline || token.kind == .endOfInput else { return token.span }
        let end = index > 0 ? previous.span.end : token.span.start
        return SourceSpan(start: end, end: end)
    }

    /// "expected <what>, found <current token>" at the current token.
    func expected(_ what: String, hints: [String] = []) -> Diagnostic {
        if current.kind == .rightParen { return unmatchedParenthesis() }
        return Diagnostic(MessageCatalog.text("diag.expected", ["what": what, "found": describe(current)]), at: errorSpan(at: current), hints: hints)
    }

    /// "unexpected <current token> after <what>", for extra tokens after a complete construct.
    func unexpected(after what: String, hints: [String] = []) -> Diagnostic {
        if current.kind == .rightParen { return unmatchedParenthesis() }
        return Diagnostic(MessageCatalog.text("diag.unexpected_after", ["found": describe(current), "what": what]), at: errorSpan(at: current), hints: hints)
    }

    /// "unmatched `)`" at the current token.
    func unmatchedParenthesis() -> Diagnostic {
        Diagnostic(MessageCatalog.text("diag.unmatched_paren"), at: current.span, hints: [MessageCatalog.text("diag.unmatched_paren_hint")])
    }

    /// Fails unless the current token ends the statement.
    func expectStatementEnd() throws(Diagnostic) {
        guard atStatementEnd else {
            throw unexpected(after: MessageCatalog.text("diag.statement_end"), hints: [MessageCatalog.text("diag.statement_end_hint")])
        }
    }

    /// Fails with the first lexical error (bad character, malformed number or date, unterminated string)
    /// between the current token and the end of the statement. Run before parsing a statement so that
    /// such errors are reported as themselves rather than as a confusing "expected …".
    func reportLexicalError() throws(Diagnostic) {
        var i = index
        while !tokens[i].kind.isStatementEnd {
            let token = tokens[i]
            switch token.kind {
            case .unterminatedString: throw unterminatedString(token)
            case .invalid: throw invalidToken(token)
            default: i += 1
            }
        }
    }

    private func unterminatedString(_ token: Token) -> Diagnostic {
        let quote = source.bytes[token.span.start] == UInt8(ascii: "'") ? "'" : "\""
        return Diagnostic(MessageCatalog.text("diag.unterminated_string"), at: token.span, hints: [MessageCatalog.text("diag.unterminated_string_hint", ["quote": quote])])
    }

    private func invalidToken(_ token: Token) -> Diagnostic {
        let text = token.text(in: source)
        let bytes = Array(text.utf8)
        if let first = bytes.first, isDigit(first) {
            if bytes.count > 4, bytes[4] == UInt8(ascii: "-") {
                return Diagnostic(Self.phrase("malformed_date", ["text": abbreviated(text)]), at: token.span,
                                  hints: [Self.phrase("dates_are_written")])
            }
            let digits = text.prefix { $0.isASCII && $0.isNumber }
            let suffix = text.dropFirst(digits.count)
            if !suffix.isEmpty, suffix.allSatisfy({ $0.isASCII && $0.isLetter }) {
                return Diagnostic(Self.phrase("unknown_duration_unit", ["suffix": abbreviated(String(suffix)), "text": abbreviated(text)]), at: token.span,
                                  hints: [Self.phrase("units", ["list": DurationUnit.listing])])
            }
            return Diagnostic(Self.phrase("invalid_number", ["text": abbreviated(text)]), at: token.span,
                              hints: [Self.phrase("durations_are_whole_numbers")])
        }
        let shown = text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F })
            ? text : text.unicodeScalars.map { "\\u{\(String($0.value, radix: 16, uppercase: true))}" }.joined()
        var hints: [String] = []
        switch text {
        case "!": hints = [Self.phrase("write_not_equal")]
        case "&": hints = [Self.phrase("write_and")]
        case "+": hints = [Self.phrase("plus_equal_adds")]
        case "\\": hints = [Self.phrase("backslash_continues")]
        case "~": hints = [Self.phrase("paths_in_quotes")]
        default: break
        }
        return Diagnostic(Self.phrase("unexpected_character", ["shown": shown]), at: token.span, hints: hints)
    }

    /// `text` cut at its first line break or to 32 characters, with an ellipsis, so messages stay one line.
    func abbreviated(_ text: String) -> String {
        let line = text.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
        if line.count <= 32, line.count == text.count { return text }
        return String(line.prefix(31)) + "…"
    }

    /// The hint listing step keywords.
    static var stepListHint: String { Self.phrase("step_list", ["steps": Keywords.steps.joined(separator: ", ")]) }

    /// `words` in backticks, joined by `, ` with the last two joined by the phrase `key` (`word.or`,
    /// `word.and`) in the current language.
    static func quotedList(_ words: [String], lastJoinedBy key: String) -> String {
        let quoted = words.map { "`\($0)`" }
        guard quoted.count > 1 else { return quoted.joined() }
        return quoted.dropLast().joined(separator: ", ") + " " + Self.phrase(key) + " " + quoted[quoted.count - 1]
    }

    /// The parser's phrase `key` (`parse.<key>` in the catalogs, `MessageCatalog+ParserEnglish.swift`) in
    /// the current language, with its placeholders filled from `arguments`.
    static func phrase(_ key: String, _ arguments: KeyValuePairs<String, String> = [:]) -> String {
        MessageCatalog.text("parse." + key, arguments)
    }
}
