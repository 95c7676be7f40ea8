/// A statement as echoed before its result (in a lesson, and by `.read` in a script with comments): after
/// the shell's prompt, continuation lines after the continuation prompt, as if typed at the shell.
enum StatementEcho {
    static let prompt = "siklus> "
    static let continuationPrompt = "   ...> "

    /// `text`'s lines after the prompts, ending with a line break.
    static func text(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.enumerated().map { ($0.offset == 0 ? prompt : continuationPrompt) + $0.element }.joined(separator: "\n") + "\n"
    }
}
