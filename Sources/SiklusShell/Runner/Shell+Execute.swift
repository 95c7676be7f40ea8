import SiklusEngine
import SiklusLanguage

extension Shell {
    /// Executes one chunk of input from the file (or pseudo-file) `name`. Returns false when it
    /// failed; the error has already been printed on stderr. With `stopOnError`, the remaining
    /// statements of a chunk are skipped after a failing one.
    @discardableResult
    public func execute(_ chunk: InputChunk, in name: String, stopOnError: Bool = false) -> Bool {
        switch chunk {
        case .statements(let text, let firstLine):
            return executeStatements(SourceFile(name: name, text: text, firstLine: firstLine), stopOnError: stopOnError)
        case .meta(let line, let number):
            return executeMeta(SourceFile(name: name, text: line, firstLine: number))
        case .help(let line, let number):
            return executeHelp(SourceFile(name: name, text: line, firstLine: number))
        }
    }

    /// Hands `source` to the engine and prints each statement's output as it arrives.
    func executeStatements(_ source: SourceFile, stopOnError: Bool) -> Bool {
        let destination = once ?? output
        once = nil  // `.once` covers this statement chunk only, whatever it produces.
        var succeeded = true
        let clock = ContinuousClock()
        var started = clock.now
        runStatements(source) { outcome in
            let elapsed = started.duration(to: clock.now)
            switch outcome {
            case .output(let result, let span):
                if !emit(result, query: source[span], to: destination, elapsed: settings.timer ? elapsed.seconds : nil) {
                    succeeded = false
                }
            case .failure(let diagnostic):
                report(diagnostic, in: source)
                succeeded = false
            }
            started = clock.now
            if ShellInterrupt.isRaised { return false }
            return succeeded || !stopOnError
        }
        return succeeded
    }

    /// Prints one statement output; `query` is the statement's text (for export reports). Returns false
    /// when the output could not be delivered (a failed export), which fails the statement.
    @discardableResult
    func emit(_ result: StatementOutput, query: String, to destination: ResultDestination, elapsed: Double?) -> Bool {
        switch result {
        case .table(let table):
            lastResult = table
            lastQuery = query
            writeTable(table, to: destination, elapsed: elapsed)
        case .plot(let table):
            lastResult = table
            lastQuery = query
            writeChart(table, to: destination)
            writeNotes(table)
            writeElapsed(elapsed)
        case .export(let table, let path, _):
            lastResult = table
            lastQuery = query
            do {
                try ResultExporter.export(table, to: path, query: query, charts: chartExporter)
                io.err.write("wrote \(path)\n")
                writeNotes(table)
                writeElapsed(elapsed)
            } catch let error as ExportError {
                reportError("error: cannot export: \(error.message)" + error.hints.map { "\n  help: \($0)" }.joined())
                return false
            } catch {
                reportError("error: cannot export: \(error)")
                return false
            }
        case .load(let report):
            destinationOutput(destination).write(report.render() + "\n")
        case .text(let text):
            guard !text.isEmpty else { return true }
            destinationOutput(destination).write(text.hasSuffix("\n") ? text : text + "\n")
            writeElapsed(elapsed)
        }
        return true
    }

    /// A result's notes (caveats about its numbers) on stderr, in every output mode: results stay on stdout.
    func writeNotes(_ table: ResultTable) {
        for note in table.notes { io.err.write(note + "\n") }
    }

    /// `.timer on` for outputs without a table footer (charts, exports, text): the time on stderr, so
    /// whatever went to stdout or a file stays as it was. (Load reports carry their own time.)
    private func writeElapsed(_ elapsed: Double?) {
        if let elapsed { io.err.write("time: \(ElapsedText.describe(elapsed))\n") }
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }
}
