@preconcurrency import CEditLine
import Foundation
import SiklusShell

/// libedit's readline-compatible line editor: emacs keys, persistent history, tab completion and
/// Ctrl-C that cancels the line instead of the shell. Only the interactive shell creates one.
///
/// What works (checked under tmux, see Tests/SiklusShellTests/TerminalEndToEndTests.swift): emacs
/// editing keys, Up/Down through history (also from earlier sessions), Ctrl-R incremental reverse
/// search (`bck:` prompt; libedit's readline layer binds it to `em-inc-search-prev` itself, so no
/// `rl_bind_key` is needed and a user's `~/.editrc` can still rebind it), Tab completion with a
/// second Tab listing the candidates, Ctrl-C (cancels the line) and Ctrl-D (exits). Non-ASCII
/// input works once `setlocale` has run.
final class LineEditor {
    /// Where history is written after every line; nil keeps it in memory only (also after a refused
    /// symlink or a failed save, each noted once).
    private(set) var historyPath: String?

    init(historyPath: String?, completion: @escaping () -> CompletionSource) {
        self.historyPath = historyPath
        if let historyPath, let refusal = HistoryFile.refusal(historyPath) {
            FileDescriptorOutput.standardError.write("note: \(refusal)\n")
            self.historyPath = nil
        }
        // Without a locale, libedit silently drops every non-ASCII keystroke.
        setlocale(LC_ALL, "")
        rl_readline_name = UnsafePointer(strdup("siklus"))
        rl_initialize()
        using_history()
        stifle_history(5000)
        if let historyPath = self.historyPath { read_history(historyPath) }
        // The same word breaks as the Completer, so libedit replaces exactly the word it completed.
        rl_basic_word_break_characters = UnsafePointer(strdup(Completer.wordBreakCharacters))
        CompletionCallback.install(source: completion)
    }

    /// Reads one line with `prompt`. Returns `.interrupt` for Ctrl-C and `.end` for Ctrl-D.
    func readLine(prompt: String) -> InputEvent {
        ShellInterrupt.clear()
        guard let raw = readline(prompt) else {
            if ShellInterrupt.isRaised {
                ShellInterrupt.clear()
                FileDescriptorOutput.standardOutput.write("^C\n")
                return .interrupt
            }
            FileDescriptorOutput.standardOutput.write("\n")
            return .end
        }
        defer { free(raw) }
        let line = String(cString: raw)
        if !line.allSatisfy(\.isWhitespace) {
            let saved = HistorySecrets.redacting(line)
            add_history(saved.line)
            if saved.redacted { FileDescriptorOutput.standardError.write("note: the password is left out of the history (use ~/.pgpass or PGPASSWORD)\n") }
            // Written after every line so a crash or a killed terminal loses nothing; never through a link.
            if let historyPath, let problem = HistoryFile.save(to: historyPath, write: { write_history($0) == 0 }) {
                FileDescriptorOutput.standardError.write("note: \(problem)\n")
                self.historyPath = nil
            }
        }
        return .line(line)
    }

    /// Every history entry, oldest first.
    func historyLines() -> [String] {
        guard let list = history_list() else { return [] }
        var lines: [String] = []
        var index = 0
        while let entry = list[index] {
            if let text = entry.pointee.line { lines.append(String(cString: text)) }
            index += 1
        }
        return lines
    }

    /// `$SIKLUS_HISTORY`, else `~/.siklus_history`; nil without a home directory.
    static func historyPath(environment: [String: String]) -> String? {
        if let path = environment["SIKLUS_HISTORY"], !path.isEmpty { return path }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.siklus_history"
    }
}
