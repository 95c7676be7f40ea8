/// What reading one line of input produced.
public enum InputEvent: Equatable, Sendable {
    /// A line, without its line terminator.
    case line(String)
    /// The user pressed Ctrl-C: drop the unfinished statement and read again.
    case interrupt
    /// End of input (end of file, Ctrl-D).
    case end
}

/// A supplier of input lines: a script's text, standard input, or the interactive line editor.
public protocol LineSource {
    /// Reads the next line. `continuation` is true when the previous lines left a statement
    /// unfinished, so an interactive source shows the continuation prompt.
    mutating func nextLine(continuation: Bool) -> InputEvent
}

/// Lines of a text already in memory (a script file, `-c` text, a test).
public struct TextLineSource: LineSource {
    private var lines: [Substring]
    private var index = 0

    /// Splits `text` at LF or CRLF; a final line break adds no empty line.
    public init(_ text: String) {
        // "\r\n" is a single Character in Swift, so it must be named as a separator of its own.
        var lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        if lines.last == "" { lines.removeLast() }
        self.lines = lines
    }

    public mutating func nextLine(continuation: Bool) -> InputEvent {
        guard index < lines.count else { return .end }
        defer { index += 1 }
        return .line(String(lines[index]))
    }
}

/// Lines of standard input, read as they arrive (no prompts), for pipes and redirected files.
public struct StandardInputLineSource: LineSource {
    public init() {}

    public mutating func nextLine(continuation: Bool) -> InputEvent {
        guard var line = readLine(strippingNewline: true) else { return .end }
        if line.hasSuffix("\r") { line.removeLast() }
        return .line(line)
    }
}
