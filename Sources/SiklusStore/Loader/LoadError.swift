import SiklusMessages

/// A load that failed, located in the file: `events.csv:12:7: error: expected a number in column amount, found "abc"`.
/// What went wrong and how to fix it are values (`Problem`, `Help`), worded from the message catalogs in
/// the language the caller asks for; `message`, `hint` and `description` are the English wording.
public struct LoadError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    /// 1-based physical line, or nil when the problem is the whole file.
    public var line: Int?
    /// 1-based byte column within the line.
    public var column: Int?
    public var problem: Problem
    /// A suggested fix.
    public var help: Help?

    public init(path: String, line: Int? = nil, column: Int? = nil, _ problem: Problem, help: Help? = nil) {
        self.path = path
        self.line = line
        self.column = column
        self.problem = problem
        self.help = help
    }

    /// The problem in English.
    public var message: String { problem.description }

    /// The fix in English.
    public var hint: String? { help?.description }

    /// `path:line:col`, or as much of it as is known.
    public var location: String {
        var location = path
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return location
    }

    /// `path:line:col: error: message` with the hint on a `help:` line, in English.
    public var description: String { text(in: .en) }

    /// `description` in `language`: the `error` and `help` labels are the catalog's too.
    public func text(in language: Language) -> String {
        var text = "\(location): \(MessageCatalog.text("diag.error", in: language)): \(problem.text(in: language))"
        if let help { text += "\n  \(MessageCatalog.text("diag.help", in: language)): \(help.text(in: language))" }
        return text
    }
}
