import SiklusEngine
import SiklusLanguage

extension Shell {
    /// Steps through a commented script as a lesson (`.tour FILE`, `siklus --tour FILE`): for each step
    /// of `TourScript`, its comment paragraphs, then each statement echoed after the prompt and run, then a
    /// pause read by `readPause` (Enter: next, `b`: the step before again, `q`: stop; anything else runs
    /// as a statement or dot-command and the pause comes back). `directory` is the script's folder, against
    /// which its paths are read, as for `.read`. A failing statement skips the rest of its step (with
    /// `.bail on`) and the lesson goes on.
    ///
    /// Going back runs the step's statements again with the options, stage map and variables as they were
    /// when it first ran (`Session.options`); loaded data stays (a `load` run again says it is loaded).
    public func runTour(_ text: String, name: String, directory: String?) -> RunSummary {
        let outer = session.scriptDirectory, echoes = echoesStatements
        session.scriptDirectory = directory
        echoesStatements = false  // the lesson echoes each statement itself, results or not
        defer { session.scriptDirectory = outer; echoesStatements = echoes }
        let steps = TourScript(text, needsContinuation: session.needsContinuation).steps
        var summary = RunSummary()
        var index = 0
        // The options before each step's first showing: going back puts them back.
        var before: [Int: SessionOptions] = [:]
        lesson: while index < steps.count {
            if let saved = before[index] { session.restore(saved) } else { before[index] = session.options() }
            summary.failures += show(steps[index], in: name)
            if ShellInterrupt.isRaised { ShellInterrupt.clear() }  // the statement said it was cancelled; the lesson waits
            if quitStatus != nil || abortsRun || standardOutputIsLost() { break }
            write("\n")
            while true {
                switch TourKey(pause(TourPrompt.text(step: index + 1, of: steps.count, in: session.display.language))) {
                case .next: index += 1; continue lesson
                case .back: index = max(0, index - 1); continue lesson
                case .quit:
                    ShellInterrupt.clear()
                    inform(MessageCatalog.text("lesson.stopped", ["step": String(index + 1), "count": String(steps.count)],
                                              in: session.display.language))
                    break lesson
                case .command(let line):
                    forgetResults(in: output)
                    if !execute(line.hasPrefix(".") ? .meta(line, line: 1) : .statements(line, firstLine: 1), in: "<lesson>") {
                        summary.failures += 1
                    }
                    if ShellInterrupt.isRaised { ShellInterrupt.clear() }
                    if quitStatus != nil || abortsRun || standardOutputIsLost() { break lesson }
                    write("\n")
                }
            }
        }
        summary.quitStatus = quitStatus
        return summary
    }

    /// Writes a step's paragraphs, echoes and runs its statements one by one, then writes its question;
    /// returns 1 when a statement failed.
    private func show(_ step: TourScript.Step, in name: String) -> Int {
        write(step.paragraphs.map { $0.joined(separator: "\n") }.joined(separator: "\n\n"))
        var accumulator = StatementAccumulator(needsContinuation: session.needsContinuation)
        var chunks: [InputChunk] = []
        for (offset, line) in step.statements.enumerated() {
            chunks += accumulator.add(line, number: step.firstLine + offset)
        }
        if let last = accumulator.finish() { chunks.append(last) }
        var wrote = !step.paragraphs.isEmpty
        var failures = 0
        for chunk in chunks {
            if wrote { write("\n") }
            wrote = true
            forgetResults(in: output)
            write(StatementEcho.text(chunk.text))
            if !execute(chunk, in: name, stopOnError: settings.bail) {
                failures = 1
                if settings.bail { break }
            }
            if ShellInterrupt.isRaised || quitStatus != nil || abortsRun || standardOutputIsLost() { return failures }
        }
        if !step.question.isEmpty {
            if wrote { write("\n") }
            write(step.question.map { $0.joined(separator: "\n") }.joined(separator: "\n\n"))
        }
        return failures
    }

    /// The answer at a pause: `readPause`, else a line of standard input after the prompt.
    private func pause(_ prompt: String) -> InputEvent {
        if let readPause { return readPause(prompt) }
        // Piped input shows no typing, so the prompt gets its own line; a terminal echoes the Enter.
        io.out.write(Terminal.isTerminal(0) ? prompt : prompt + "\n")
        var input = StandardInputLineSource()
        return input.nextLine(continuation: false)
    }
}

/// The line shown at a lesson's pause.
enum TourPrompt {
    /// `[3/12] Enter: next · b: back · q: stop > `; the last step's Enter ends the lesson. In `language`
    /// (the session's: a lesson may `set language` in a step); the keys stay Enter, b and q.
    static func text(step: Int, of count: Int, in language: Language = .current) -> String {
        let enter = MessageCatalog.text(step == count ? "lesson.pause_end" : "lesson.pause_next", in: language)
        return MessageCatalog.text("lesson.pause", ["step": String(step), "count": String(count), "enter": enter], in: language)
    }
}

extension InputChunk {
    /// The text of the chunk as written.
    var text: String {
        switch self {
        case .statements(let text, _), .meta(let text, _), .help(let text, _): text
        }
    }
}
