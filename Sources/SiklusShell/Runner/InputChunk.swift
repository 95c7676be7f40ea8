/// One unit of input the shell executes: statements for the engine, a meta-command, or a `help` line.
public enum InputChunk: Equatable, Sendable {
    /// One or more lines of statements (a statement with continuation lines, or several joined by `;`).
    case statements(String, firstLine: Int)
    /// A line starting with `.`, e.g. `.mode csv`.
    case meta(String, line: Int)
    /// A `help` or `help <topic>` line, answered by the shell from `Session.help`.
    case help(String, line: Int)
}

/// Groups input lines into chunks: a statement continues while `needsContinuation` says it is
/// unfinished; a line starting with `.` (outside a statement) is a meta-command; blank lines are skipped.
public struct StatementAccumulator {
    private let needsContinuation: (String) -> Bool
    private var pending: [String] = []
    private var firstLine = 0

    /// `needsContinuation` is usually `Session.needsContinuation`.
    public init(needsContinuation: @escaping (String) -> Bool) {
        self.needsContinuation = needsContinuation
    }

    /// True while an unfinished statement is waiting for more lines (the REPL shows `   ...> `).
    public var isContinuing: Bool { !pending.isEmpty }

    /// Adds line number `number`; returns a chunk when one is complete.
    public mutating func add(_ line: String, number: Int) -> InputChunk? {
        if pending.isEmpty {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.allSatisfy({ $0 == " " || $0 == "\t" }) { return nil }
            if trimmed.hasPrefix(".") { return .meta(line, line: number) }
            firstLine = number
        }
        pending.append(line)
        let text = pending.joined(separator: "\n")
        guard !needsContinuation(text) else { return nil }
        return finish()
    }

    /// The unfinished statement, if any, so the engine can report what is missing (end of input).
    public mutating func finish() -> InputChunk? {
        guard !pending.isEmpty else { return nil }
        let text = pending.joined(separator: "\n")
        pending.removeAll()
        if HelpRequest(line: text) != nil { return .help(text, line: firstLine) }
        return .statements(text, firstLine: firstLine)
    }

    /// Drops the unfinished statement (Ctrl-C).
    public mutating func reset() { pending.removeAll() }
}
