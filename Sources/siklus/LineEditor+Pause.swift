@preconcurrency import CEditLine
import Foundation
import SiklusShell

extension LineEditor {
    /// A line read at a lesson's pause (`.tour`): Enter, `b`, `q` or a statement to try. Not added to the
    /// history, so Up still finds the statements typed at the prompt. Ctrl-C is `.interrupt`, Ctrl-D `.end`.
    func readPause(prompt: String) -> InputEvent {
        ShellInterrupt.clear()
        guard let raw = readline(prompt) else {
            let interrupted = ShellInterrupt.isRaised
            ShellInterrupt.clear()
            FileDescriptorOutput.standardOutput.write(interrupted ? "^C\n" : "\n")
            return interrupted ? .interrupt : .end
        }
        defer { free(raw) }
        return .line(String(cString: raw))
    }
}
