import Foundation

/// A commented script cut into the steps of a lesson (`.tour`): each step is the comment paragraphs
/// before a block of statements, the block, and a question after it. A step ends at the first blank line
/// or comment after its statements, except a paragraph starting with `Question:`, which stays with the
/// statements (shown under their results, also after a blank line); a paragraph starting with `Answer:`, and a rule line (`# ───`,
/// `# ---`), always start a step, so an answer waits for Enter and each section starts afresh. Comment
/// lines inside a statement that continues (`|` at the end of a line) belong to the statement.
///
/// - Complexity: O(lines × length of the longest statement) (each statement line asks whether the
///   statement continues).
public struct TourScript: Equatable, Sendable {
    /// One pause of the lesson.
    public struct Step: Equatable, Sendable {
        /// The comment paragraphs shown before the statements, without their comment markers.
        public var paragraphs: [[String]] = []
        /// The statement lines as written (statements and dot-commands); may be empty.
        public var statements: [String] = []
        /// The script's line number of `statements[0]` (1-based; 0 when there are none).
        public var firstLine = 0
        /// The question paragraphs shown after the statements' results.
        public var question: [[String]] = []

        /// True when the step has neither text nor statements.
        var isEmpty: Bool { paragraphs.isEmpty && statements.isEmpty && question.isEmpty }
    }

    /// The steps, in order.
    public var steps: [Step]

    /// Cuts `text` into steps; `needsContinuation` says whether a statement's text so far is unfinished
    /// (`Session.needsContinuation`).
    public init(_ text: String, needsContinuation: (String) -> Bool) {
        var steps: [Step] = []
        var step = Step()
        var paragraph: [String] = []
        var pending: [String] = []
        var asking = false  // after the statements, in their question
        var blockEnded = false  // a blank line followed the statements
        func closeParagraph() {
            if !paragraph.isEmpty {
                if asking { step.question.append(paragraph) } else { step.paragraphs.append(paragraph) }
            }
            paragraph = []
        }
        func closeStep() {
            closeParagraph()
            if !step.isEmpty { steps.append(step) }
            step = Step()
            asking = false
            blockEnded = false
        }
        for (index, piece) in TourScript.lines(text).enumerated() {
            let line = String(piece)
            if index == 0, line.hasPrefix("#!") { continue }
            if !pending.isEmpty {
                step.statements.append(line)
                pending.append(line)
                if !needsContinuation(pending.joined(separator: "\n")) { pending = [] }
                continue
            }
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty {
                closeParagraph()
                if !step.statements.isEmpty { blockEnded = true }
                continue
            }
            if let comment = TourScript.commentText(trimmed) {
                // A bare `#` separates paragraphs, like a blank line inside the comment block.
                if comment.allSatisfy({ $0 == " " || $0 == "\t" }) {
                    if !step.statements.isEmpty, !asking { closeStep() } else { closeParagraph() }
                    continue
                }
                if TourScript.isRule(comment) || (paragraph.isEmpty && TourScript.isAnswer(comment)) {
                    closeStep()
                } else if !step.statements.isEmpty, !asking {
                    if paragraph.isEmpty, TourScript.isQuestion(comment) { asking = true } else { closeStep() }
                }
                paragraph.append(comment)
                continue
            }
            if asking || blockEnded { closeStep() }
            closeParagraph()
            if step.statements.isEmpty { step.firstLine = index + 1 }
            step.statements.append(line)
            if !trimmed.hasPrefix("."), needsContinuation(line) { pending = [line] }
        }
        closeStep()
        self.steps = steps
    }

    /// The text of a comment line without its marker and one space after it; nil for other lines.
    static func commentText(_ trimmed: Substring) -> String? {
        let body: Substring
        if trimmed.hasPrefix("#") { body = trimmed.dropFirst() } else if trimmed.hasPrefix("--") { body = trimmed.dropFirst(2) } else { return nil }
        return String(body.hasPrefix(" ") ? body.dropFirst() : body)
    }

    /// True for a paragraph that answers the question before it (`Answer: …`, `Jawaban: …`).
    static func isAnswer(_ comment: String) -> Bool {
        let lowered = comment.lowercased()
        return lowered.hasPrefix("answer:") || lowered.hasPrefix("jawaban:")
    }

    /// True for a paragraph that asks about the results above it (`Question: …`, `Pertanyaan: …`).
    static func isQuestion(_ comment: String) -> Bool {
        let lowered = comment.lowercased()
        return lowered.hasPrefix("question:") || lowered.hasPrefix("pertanyaan:")
    }

    /// True for a rule between sections: three or more of `─`, `-`, `=` and nothing else.
    static func isRule(_ comment: String) -> Bool {
        let text = comment.trimmingCharacters(in: .whitespaces)
        return text.count >= 3 && text.allSatisfy { $0 == "─" || $0 == "-" || $0 == "=" }
    }

    /// True when `text` holds a comment line outside a statement's continuation (a script meant to be
    /// read by people), not counting a `#!` first line.
    public static func hasComments(_ text: String) -> Bool {
        lines(text).enumerated().contains { index, line in
            !(index == 0 && line.hasPrefix("#!")) && commentText(line.drop { $0 == " " || $0 == "\t" }) != nil
        }
    }

    /// The lines of `text`, split at LF or CRLF.
    static func lines(_ text: String) -> [Substring] {
        var lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
