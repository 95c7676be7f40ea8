extension Parser {
    /// identifier, or "expected <what>, found …". A number where a name belongs gets a hint.
    mutating func parseIdentifier(_ what: @autoclosure () -> String, hints: @autoclosure () -> [String] = []) throws(Diagnostic) -> Identifier {
        guard current.kind == .identifier else { throw expectedName(what(), hints: hints()) }
        let token = advance()
        return Identifier(token.text(in: source), at: token.span)
    }

    /// name = identifier | string ; a string gives an identifier with `isQuoted`.
    mutating func parseName(_ what: @autoclosure () -> String) throws(Diagnostic) -> Identifier {
        switch current.kind {
        case .identifier:
            return try parseIdentifier(what())
        case .string:
            let token = advance()
            let text = StringLiteralDecoder.decode(token.text(in: source))
            if text.isEmpty { throw Diagnostic(MessageCatalog.text("diag.expected", ["what": what(), "found": Self.phrase("empty_string")]), at: token.span) }
            return Identifier(text, at: token.span, isQuoted: true)
        default:
            throw expectedName(what(), hints: [])
        }
    }

    /// qualified_name = identifier { "." identifier } ;
    mutating func parseQualifiedName(_ what: @autoclosure () -> String, hints: @autoclosure () -> [String] = []) throws(Diagnostic) -> QualifiedName {
        var parts = [try parseIdentifier(what(), hints: hints())]
        while let dot = match(.dot) {
            let qualifier = parts.map(\.text).joined(separator: ".") + dot.text(in: source)
            parts.append(try parseIdentifier(Self.phrase("name_after", ["word": qualifier])))
        }
        return QualifiedName(parts)
    }

    /// identifier { "," identifier } ; a second name without a comma is an error with a hint.
    mutating func parseIdentifierList(_ what: @autoclosure () -> String) throws(Diagnostic) -> [Identifier] {
        var names = [try parseIdentifier(what())]
        while match(.comma) != nil { names.append(try parseIdentifier(Self.phrase("name_after_comma"))) }
        try rejectMissingComma(after: names.count)
        return names
    }

    /// qualified_name { "," qualified_name } ;
    mutating func parseQualifiedNameList(_ what: @autoclosure () -> String) throws(Diagnostic) -> [QualifiedName] {
        var names = [try parseQualifiedName(what())]
        while match(.comma) != nil { names.append(try parseQualifiedName(Self.phrase("name_after_comma"))) }
        try rejectMissingComma(after: names.count)
        return names
    }

    /// name { "," name } ; for event lists in stage edits.
    mutating func parseNameList(_ what: @autoclosure () -> String, separatedBy noun: String) throws(Diagnostic) -> [Identifier] {
        var names = [try parseName(what())]
        while match(.comma) != nil { names.append(try parseName(Self.phrase("name_after_comma"))) }
        try rejectMissingComma(after: names.count)
        return names
    }

    /// Fails when a name follows a name without a comma (`metric a b`).
    func rejectMissingComma(after count: Int) throws(Diagnostic) {
        if current.kind == .identifier || current.kind == .string {
            var hints = [Self.phrase("separate_names")]
            // `metric avg order`: one name typed as words (issue 15).
            if current.kind == .identifier, previous.kind == .identifier {
                hints.append(Self.phrase("join_words", ["first": previous.text(in: source), "second": current.text(in: source)]))
            }
            throw unexpected(after: "`\(previous.text(in: source))`", hints: hints)
        }
    }

    /// Consumes the word `word`, or fails with "expected <what>, found …".
    mutating func expectWord(_ word: String, _ what: @autoclosure () -> String, hints: @autoclosure () -> [String] = []) throws(Diagnostic) -> Token {
        guard let token = matchWord(word) else { throw expected(what(), hints: hints()) }
        return token
    }

    /// "expected <what>, found …", with a hint when a number stands where a name belongs.
    private func expectedName(_ what: String, hints: [String]) -> Diagnostic {
        var hints = hints
        if [.integer, .number, .date, .duration].contains(current.kind) {
            hints.append(Self.phrase("names_start"))
        }
        return expected(what, hints: hints)
    }
}
