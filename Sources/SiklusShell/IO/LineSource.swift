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

    /// Splits `text` at `\n` (a `\r` before it is dropped); a final newline adds no empty line.
    public init(_ text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        self.lines = lines.map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
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
