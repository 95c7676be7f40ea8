/// A load that failed, located in the file: `events.csv:12:7: error: expected a number in column amount, found "abc"`.
public struct LoadError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    /// 1-based physical line, or nil when the problem is the whole file.
    public var line: Int?
    /// 1-based byte column within the line.
    public var column: Int?
    public var message: String
    /// A suggested fix.
    public var hint: String?

    public init(path: String, line: Int? = nil, column: Int? = nil, message: String, hint: String? = nil) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
    }

    /// `path:line:col`, or as much of it as is known.
    public var location: String {
        var location = path
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return location
    }

    /// `path:line:col: error: message` with the hint on a `help:` line.
    public var description: String {
        var text = "\(location): error: \(message)"
        if let hint { text += "\n  help: \(hint)" }
        return text
    }
}

extension LoadError {
    /// `items` joined with commas for a hint, naming at most 10 and counting the rest (`… and 40 more`);
    /// the rule of `Diagnostic.listing` in SiklusLanguage, which this module does not depend on.
    /// - Complexity: O(listed items).
    static func listing(_ items: [String]) -> String {
        let limit = 10
        guard items.count > limit + 2 else { return items.joined(separator: ", ") }
        return items.prefix(limit).joined(separator: ", ") + " … and \(items.count - limit) more"
    }

    /// Why `byte` cannot separate fields, or nil when it can: line breaks end records, the quote
    /// character quotes fields and NUL marks binary files. The parser refuses these with a located error
    /// (`Parser.parseDelimiter`); this catches `LoadOptions` built in code.
    public static func delimiterProblem(_ byte: UInt8) -> String? {
        switch byte {
        case UInt8(ascii: "\n"), UInt8(ascii: "\r"): "a line break ends records, so it cannot separate fields"
        case UInt8(ascii: "\""): "the double quote quotes fields, so it cannot separate them"
        case 0: "a NUL byte cannot separate fields (files holding NUL are treated as binary)"
        case 0x80...: "a delimiter is one ASCII character"
        default: nil
        }
    }
}
