import SiklusLanguage

/// Where a dot-command written on the same line as statements starts or ends, so that
/// `-c '.mode csv; cohort | metric customers'` and `load …; .mode csv; …` work: a dot-command may follow
/// a `;` and ends at the next `;` outside quotes (or at the end of the line).
///
/// No statement starts with `.`, so a `;` followed by a `.` token can only be a dot-command.
enum InlineMetaCommand {
    /// The byte offset of the `;` ending the dot-command that starts `line`, or nil when it runs to the
    /// end of the line. Quotes follow `MetaLine`: a `"` or `'` opening a word runs to the same quote.
    /// - Complexity: O(n) in the length of the line.
    static func end(ofMetaLine line: String) -> Int? {
        let bytes = Array(line.utf8)
        var i = 0
        var atWordStart = true
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                atWordStart = true
            } else if atWordStart, byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                // An unterminated quote is reported by `MetaLine`; keep the whole line for it.
                guard let close = bytes[(i + 1)...].firstIndex(of: byte) else { return nil }
                i = close
                atWordStart = false
            } else if byte == UInt8(ascii: ";") {
                return i
            } else {
                atWordStart = false
            }
            i += 1
        }
        return nil
    }

    /// The byte offset in `line` of the first `;` that is followed on the same line by a dot-command, when
    /// `line` continues the statement lines `pending`; nil when there is none. Strings and comments are
    /// skipped by the language's own lexer, so `help "a; .b"` and `q # x; .mode csv` are not split.
    /// - Complexity: O(n) in the length of `pending` and `line`.
    static func semicolonBeforeMeta(in line: String, after pending: [String]) -> Int? {
        // Most lines have no `;` followed by `.`: skip lexing them (a long statement would be lexed once per line).
        guard line.utf8.contains(UInt8(ascii: ";")), line.utf8.contains(UInt8(ascii: ".")) else { return nil }
        let prefix = pending.isEmpty ? "" : pending.joined(separator: "\n") + "\n"
        let base = prefix.utf8.count
        let tokens = Lexer.tokenize(SourceFile(name: "<line>", text: prefix + line))
        for (index, token) in tokens.enumerated().dropLast()
        where token.kind == .semicolon && token.span.start >= base && tokens[index + 1].kind == .dot {
            return token.span.start - base
        }
        return nil
    }

    /// `line` with its first `byteCount` bytes replaced by spaces (one per character), so the rest keeps
    /// its columns in error locations.
    static func blanking(_ line: String, through byteCount: Int) -> String {
        let bytes = Array(line.utf8)
        let consumed = String(decoding: bytes[..<byteCount], as: UTF8.self)
        return String(repeating: " ", count: consumed.count) + String(decoding: bytes[byteCount...], as: UTF8.self)
    }
}
