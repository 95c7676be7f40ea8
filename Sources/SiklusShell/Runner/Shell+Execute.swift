import SiklusEngine
import SiklusLanguage

extension Shell {
    /// Executes one chunk of input from the file (or pseudo-file) `name`. Returns false when it
    /// failed; the error has already been printed on stderr. With `stopOnError`, the remaining
    /// statements of a chunk are skipped after a failing one.
    @discardableResult
    public func execute(_ chunk: InputChunk, in name: String, stopOnError: Bool = false) -> Bool {
        inSessionLanguage { executeInLanguage(chunk, in: name, stopOnError: stopOnError) }
    }

    private func executeInLanguage(_ chunk: InputChunk, in name: String, stopOnError: Bool) -> Bool {
        switch chunk {
        case .statements(let text, let firstLine):
            return executeStatements(SourceFile(name: name, text: text, firstLine: firstLine), stopOnError: stopOnError)
        case .meta(let line, let number):
            return executeMeta(SourceFile(name: name, text: line, firstLine: number))
        case .help(let line, let number):
            let source = SourceFile(name: name, text: line, firstLine: number)
            let ok = executeHelp(source)
            return checkWrites(to: output, at: SourceSpan(start: 0, end: line.utf8.count), in: source) && ok
        }
    }

    /// Hands `source` to the engine and prints each statement's output as it arrives.
    func executeStatements(_ source: SourceFile, stopOnError: Bool) -> Bool {
        let destination = once ?? output
        once = nil  // `.once` covers this statement chunk only, whatever it produces.
        var succeeded = true
        let clock = ContinuousClock()
        var started = clock.now
        var lastSpan = SourceSpan(start: 0, end: source.text.utf8.count)
        runStatements(source) { outcome in
            let elapsed = started.duration(to: clock.now)
            switch outcome {
            case .output(let result, let span):
                lastSpan = span
                if !emit(result, query: source[span], to: destination, elapsed: settings.timer ? elapsed.seconds : nil,
                         at: span, in: source) {
                    succeeded = false
                }
                if !checkWrites(to: destination, at: span, in: source) { succeeded = false }
            case .failure(let diagnostic):
                report(diagnostic, in: source)
                succeeded = false
                if ShellInterrupt.isRaised { interruptionReported = true }
            }
            started = clock.now
            if ShellInterrupt.isRaised || standardOutputIsLost() { return false }
            return succeeded || !stopOnError
        }
        // A `.once` file is closed here, its close checked like its writes.
        if destination != output, case .file(_, let file) = destination {
            forgetResults(in: destination)
            do {
                try file.finish()
            } catch {
                report(Diagnostic(error.description, at: lastSpan), in: source)
                succeeded = false
            }
        }
        return succeeded
    }

    /// Reports a failed write to `destination` (a full disk) as an error of the statement at `span`;
    /// returns false then. Standard output is checked by `standardOutputIsLost` instead, which ends the run.
    func checkWrites(to destination: ResultDestination, at span: SourceSpan, in source: SourceFile) -> Bool {
        guard case .file(_, let file) = destination, let failure = file.takeWriteError() else { return true }
        report(Diagnostic(failure.description + "; the results are incomplete", at: span), in: source)
        return false
    }

    /// Prints one statement output; `query` is the statement's text (for export reports). Returns false
    /// when the output could not be delivered (a failed export), which fails the statement.
    @discardableResult
    func emit(_ result: StatementOutput, query: String, to destination: ResultDestination, elapsed: Double?,
              at span: SourceSpan, in source: SourceFile) -> Bool {
        echo(query, before: result, on: destination)
        writeWarnings(of: result, statement: span, in: source)
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
        case .export(let table, let written, let exportSpan):
            let path = resolvePath(written)
            lastResult = table
            lastQuery = query
            do {
                try ResultExporter.export(table, to: path, query: query, charts: chartExporter, present: settings.present)
                inform(MessageCatalog.text("shell.wrote", ["path": path]))
                writeNotes(table)
                writeElapsed(elapsed)
            } catch let error as ExportError {
                report(Diagnostic(MessageCatalog.text("shell.cannot_export", ["reason": error.message]), at: exportSpan, hints: error.hints), in: source)
                return false
            } catch {
                report(Diagnostic("cannot export: \(error)", at: exportSpan), in: source)
                return false
            }
        case .load(let report):
            // Not a result: stdout and `.output` files keep only results, so csv/json stay parseable.
            inform(report.localized())
        case .note(let text):
            inform(text)
            writeElapsed(elapsed)
        case .text(let text):
            guard !text.isEmpty else { return true }
            let fitted = ListingWrap.fitted(text, width: listingWidth(destination))
            startResult(on: destination).write(fitted.hasSuffix("\n") ? fitted : fitted + "\n")
            writeElapsed(elapsed)
        }
        return true
    }

    /// A result's notes (caveats about its numbers) on stderr, in every output mode: results stay on stdout.
    func writeNotes(_ table: ResultTable) {
        for note in table.notes { inform(note) }
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
