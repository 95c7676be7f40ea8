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

    /// `path:line:col: error: message` with the hint on a `help:` line.
    public var description: String {
        var location = path
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        var text = "\(location): error: \(message)"
        if let hint { text += "\n  help: \(hint)" }
        return text
    }
}
