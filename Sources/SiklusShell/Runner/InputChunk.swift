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
/// A meta-command may also follow a `;` on a statement line, and statements may follow a meta-command
/// after a `;` (`InlineMetaCommand`): `.mode csv; cohort | metric customers`.
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

    /// Adds line number `number`; returns the chunks it completes, in order (several when statements and
    /// meta-commands share the line). Parts already returned are blanked out of the rest, so errors in it
    /// keep their columns.
    public mutating func add(_ line: String, number: Int) -> [InputChunk] {
        var chunks: [InputChunk] = []
        var rest = line
        while true {
            if pending.isEmpty {
                let trimmed = rest.drop { $0 == " " || $0 == "\t" }
                if trimmed.allSatisfy({ $0 == " " || $0 == "\t" }) { return chunks }
                if trimmed.hasPrefix(".") {
                    guard let end = InlineMetaCommand.end(ofMetaLine: rest) else {
                        chunks.append(.meta(rest, line: number))
                        return chunks
                    }
                    chunks.append(.meta(String(decoding: Array(rest.utf8)[..<end], as: UTF8.self), line: number))
                    rest = InlineMetaCommand.blanking(rest, through: end + 1)
                    continue
                }
                firstLine = number
            }
            if let semicolon = InlineMetaCommand.semicolonBeforeMeta(in: rest, after: pending) {
                pending.append(String(decoding: Array(rest.utf8)[...semicolon], as: UTF8.self))
                if let chunk = finish() { chunks.append(chunk) }
                rest = InlineMetaCommand.blanking(rest, through: semicolon + 1)
                continue
            }
            pending.append(rest)
            guard !needsContinuation(pending.joined(separator: "\n")) else { return chunks }
            if let chunk = finish() { chunks.append(chunk) }
            return chunks
        }
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
