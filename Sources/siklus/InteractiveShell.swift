import SiklusEngine
import SiklusShell

/// The REPL: banner, prompts, libedit, Ctrl-C handling, driving the same `ScriptRunner` as scripts.
struct InteractiveShell {
    let shell: Shell
    let environment: [String: String]

    static let prompt = "siklus> "
    static let continuationPrompt = "   ...> "

    /// Runs the lesson in `tour` if given (its pauses read through libedit), then the shell until Ctrl-D or
    /// `.quit`; returns the exit status.
    func run(dataDirectory: String?, tour: String? = nil) -> Int32 {
        ShellInterrupt.installHandler()
        let session = shell.session
        let editor = LineEditor(historyPath: LineEditor.historyPath(environment: environment)) {
            CompletionSource(vocabulary: session.vocabulary, knownValues: session.knownValues(of:))
        }
        shell.history = editor.historyLines
        shell.readPause = { prompt in editor.readPause(prompt: prompt) }
        // A lesson greets with its own first paragraphs (and loads its own data).
        if tour == nil { shell.io.out.write(Banner.text(store: session.store, dataDirectory: dataDirectory, language: session.display.language) + "\n") }
        if let tour {
            do {
                _ = shell.runTour(try ScriptFile.read(tour), name: tour, directory: RelativePath.directory(of: tour))
            } catch {
                shell.reportError("error: \(error.description)")
            }
            if let status = shell.quitStatus { return status }
        }
        var input = EditorLineSource(editor: editor)
        let summary = ScriptRunner(shell: shell, name: "<stdin>", interactive: true).run(&input)
        return summary.quitStatus ?? 0
    }
}

/// Lines from libedit, with the continuation prompt while a statement is unfinished.
struct EditorLineSource: LineSource {
    let editor: LineEditor

    mutating func nextLine(continuation: Bool) -> InputEvent {
        editor.readLine(prompt: continuation ? InteractiveShell.continuationPrompt : InteractiveShell.prompt)
    }
}
