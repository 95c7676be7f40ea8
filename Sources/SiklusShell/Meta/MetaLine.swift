import SiklusLanguage

/// One word of a meta-command line, with where it is (for carets under a bad argument).
struct MetaWord: Equatable {
    /// The word without surrounding quotes.
    var text: String
    /// Its bytes in the line, quotes included.
    var span: SourceSpan
}

/// A meta-command that could not run: a message, where in the line, and suggested fixes.
struct MetaCommandError: Error, Equatable {
    var message: String
    /// Nil when the problem has no place in the line (e.g. no result to export yet).
    var span: SourceSpan?
    var hints: [String]

    init(_ message: String, at span: SourceSpan?, hints: [String] = []) {
        self.message = message
        self.span = span
        self.hints = hints
    }
}

/// Splits a meta-command line into words: runs of non-blank characters, or text in `"…"` or `'…'`
/// (so file names may contain spaces). There are no escapes inside quotes.
enum MetaLine {
    static func words(_ line: String) throws(MetaCommandError) -> [MetaWord] {
        let bytes = Array(line.utf8)
        var words: [MetaWord] = []
        var i = 0
        func isBlank(_ b: UInt8) -> Bool { b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") }
        while i < bytes.count {
            if isBlank(bytes[i]) { i += 1; continue }
            let start = i
            if bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") {
                let quote = bytes[i]
                guard let close = bytes[(i + 1)...].firstIndex(of: quote) else {
                    throw MetaCommandError("unterminated quoted argument", at: SourceSpan(start: start, end: bytes.count),
                                           hints: ["close it with \(quote == UInt8(ascii: "\"") ? "\"" : "'")"])
                }
                words.append(MetaWord(text: String(decoding: bytes[(i + 1)..<close], as: UTF8.self),
                                      span: SourceSpan(start: start, end: close + 1)))
                i = close + 1
            } else {
                while i < bytes.count, !isBlank(bytes[i]) { i += 1 }
                words.append(MetaWord(text: String(decoding: bytes[start..<i], as: UTF8.self), span: SourceSpan(start: start, end: i)))
            }
        }
        return words
    }
}
