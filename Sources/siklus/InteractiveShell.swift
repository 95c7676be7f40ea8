import SiklusShell

/// The REPL: banner, prompts, libedit, Ctrl-C handling, driving the same `ScriptRunner` as scripts.
struct InteractiveShell {
    let shell: Shell
    let environment: [String: String]

    static let prompt = "siklus> "
    static let continuationPrompt = "   ...> "

    /// Runs until Ctrl-D or `.quit`; returns the exit status.
    func run(dataDirectory: String?) -> Int32 {
        ShellInterrupt.installHandler()
        let session = shell.session
        let editor = LineEditor(historyPath: LineEditor.historyPath(environment: environment)) {
            CompletionSource(vocabulary: session.vocabulary, knownValues: session.knownValues(of:))
        }
        shell.history = editor.historyLines
        shell.io.out.write(Banner.text(store: session.store, dataDirectory: dataDirectory, language: session.display.language) + "\n")
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
