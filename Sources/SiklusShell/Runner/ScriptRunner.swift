import SiklusEngine

/// Reads lines from a `LineSource`, groups them into chunks and executes them on a `Shell`.
///
/// Scripts (files, `-c`, piped stdin) stop at the first failure while `.bail` is on, and at an error that
/// aborts the run whatever `.bail` says (`Shell.abortsRun`); the interactive shell never stops on an error and drops an unfinished statement on Ctrl-C. A `#!` first line is
/// ignored, so scripts can be executable.
public struct ScriptRunner {
    /// The shell that executes the chunks.
    public let shell: Shell
    /// The file name used in error locations: `report.sik`, `<stdin>`, `<command line>`.
    public let name: String
    /// True for the REPL: errors do not stop, line numbers count from each statement's first line.
    public let interactive: Bool

    public init(shell: Shell, name: String, interactive: Bool = false) {
        self.shell = shell
        self.name = name
        self.interactive = interactive
    }

    /// Runs until end of input, `.quit`, or (in a script with `.bail on`) the first failure.
    public func run(_ input: inout some LineSource) -> RunSummary {
        var accumulator = StatementAccumulator(needsContinuation: shell.session.needsContinuation)
        var summary = RunSummary()
        var lineNumber = 0
        func execute(_ chunk: InputChunk) -> Bool {
            let ok = shell.execute(chunk, in: name, stopOnError: !interactive && shell.settings.bail)
            if !ok { summary.failures += 1 }
            if shell.standardOutputIsLost() {
                if ok { summary.failures += 1 }
                return false
            }
            if ShellInterrupt.isRaised {
                // Ctrl-C stops a script run by `.read` too; the interactive loop that started it
                // reports the interruption once and carries on.
                guard interactive else { return false }
                ShellInterrupt.clear()
                // A statement the interruption stopped has said so ("cancelled: …"): one message, not two.
                if !shell.interruptionReported { shell.io.err.write("interrupted\n") }
            }
            shell.interruptionReported = false
            if shell.abortsRun {
                guard interactive else { return false }
                shell.abortsRun = false
            }
            if interactive { lineNumber = 0 }
            return shell.quitStatus == nil && (ok || interactive || !shell.settings.bail)
        }
        reading: while true {
            switch input.nextLine(continuation: accumulator.isContinuing) {
            case .line(let line):
                lineNumber += 1
                if lineNumber == 1, !interactive, line.hasPrefix("#!") { continue }
                // At the prompt each input's results start afresh; within it (`q1; q2`) they are separated.
                if interactive, !accumulator.isContinuing { shell.forgetResults(in: .standard) }
                let chunks = accumulator.add(line, number: lineNumber)
                for chunk in chunks where !execute(chunk) { break reading }
                // In the REPL each statement is line 1 of its own input: blank lines do not count.
                if interactive, chunks.isEmpty, !accumulator.isContinuing { lineNumber = 0 }
            case .interrupt:
                accumulator.reset()
                ShellInterrupt.clear()
                lineNumber = 0
            case .end:
                if let chunk = accumulator.finish() { _ = execute(chunk) }
                break reading
            }
        }
        summary.quitStatus = shell.quitStatus
        return summary
    }
}

extension Shell {
    /// Runs a whole script held in memory (a file's contents, `-c` text). `directory` is the script
    /// file's folder, against which the relative paths it contains are read (`RelativePath`); nil for
    /// text with no file (`-c`), whose paths are relative to the working directory. The folder of the
    /// outer script is back in force afterwards.
    public func runScript(_ text: String, name: String, directory: String? = nil) -> RunSummary {
        let outer = session.scriptDirectory
        session.scriptDirectory = directory
        defer { session.scriptDirectory = outer }
        var lines = TextLineSource(text)
        return ScriptRunner(shell: self, name: name).run(&lines)
    }

    /// `path` as written in the running script: relative to the script file's folder, if any.
    func resolvePath(_ path: String) -> String {
        RelativePath.resolve(path, in: session.scriptDirectory)
    }
}
