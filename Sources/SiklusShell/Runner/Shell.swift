#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SiklusCharts
import SiklusEngine
import SiklusLanguage

/// The shell's state around a `Session`: settings, where results go, the last result, and how
/// errors are reported. Scripts, `-c`, piped input and the interactive REPL all drive one `Shell`
/// through `ScriptRunner`, so they behave the same way.
public final class Shell {
    /// The engine session: loaded data, variables, options.
    public let session: Session
    /// Mode, timer and bail switches.
    public var settings: ShellSettings
    /// Standard output and error (or captures in tests).
    public let io: ShellIO
    /// True for the REPL: errors never stop it, and meta-commands confirm what they did.
    public let isInteractive: Bool
    /// The most recent query result, for `.export`.
    public internal(set) var lastResult: ResultTable?
    /// Lines entered so far, for `.history`; the REPL supplies libedit's history.
    public var history: () -> [String] = { [] }
    /// Writes `.svg` and `.html` exports; see `ChartExporting`.
    public var chartExporter: ChartExporting = ReportChartExporter()
    /// The text of the statement that produced `lastResult`, shown in exported HTML reports.
    public internal(set) var lastQuery = ""
    /// The status asked for by `.quit`/`.exit`, once one of them ran.
    public internal(set) var quitStatus: Int32?
    /// Reads the answer at a lesson's pause (`.tour`) after showing the prompt: the REPL's line editor;
    /// nil reads a line of standard input (tests and piped input script the presses as lines).
    public var readPause: ((String) -> InputEvent)?
    /// True while a `.read` script with comments runs in a mode meant for reading: each result is
    /// preceded by its statement (`StatementEcho`), so the output is labelled.
    var echoesStatements = false

    /// Where results go: standard output, or a file after `.output FILE`.
    var output: ResultDestination = .standard
    /// A file for the next statement's results only (`.once FILE`).
    var once: ResultDestination?
    /// How deeply `.read` is nested, to stop a script that reads itself.
    var readDepth = 0
    /// Set by an error that ends the whole script whatever `.bail` says (`.read` nested past its limit,
    /// where carrying on would repeat the error once per pending `.read`: exponentially many). Every
    /// nested runner stops at once; the interactive loop reports it once and clears it.
    var abortsRun = false
    /// Set when a statement failed while Ctrl-C was raised: its error ("cancelled: the query was stopped
    /// on PostgreSQL", "query cancelled") already tells the user, so the interactive loop does not add
    /// "interrupted" (one message per Ctrl-C).
    var interruptionReported = false
    /// The outputs (stdout, `.output`/`.once` files) that already hold a result (a table, a chart, a
    /// listing such as `explain`), so the next result written there is separated from it
    /// (`OutputMode.resultSeparator`). A file is forgotten when it is closed.
    var outputsWithResults: Set<ObjectIdentifier> = []
    /// True once a failed standard output has been reported, so it is reported once.
    private var reportedLostOutput = false
    /// Executes statements; `Session.run` except in tests, which substitute synthetic results.
    var runStatements: (SourceFile, (StatementOutcome) -> Bool) -> Void

    public init(session: Session, io: ShellIO, settings: ShellSettings? = nil, isInteractive: Bool = false) {
        self.session = session
        self.io = io
        self.settings = settings ?? ShellSettings(mode: .defaultMode(outputIsTerminal: io.outIsTerminal))
        self.isInteractive = isInteractive
        self.runStatements = { source, handler in session.run(source, handler: handler) }
    }

    /// Writes listing text (meta-command output, help) to the current `.output` destination.
    func write(_ text: String) {
        guard !text.isEmpty else { return }
        let fitted = ListingWrap.fitted(text, width: listingWidth(output))
        destinationOutput(output).write(fitted.hasSuffix("\n") ? fitted : fitted + "\n")
    }

    /// A confirmation of a meta-command ("results go to out.csv"), shown only in the interactive shell
    /// so scripts stay quiet; on stderr like every message that is not a result.
    func note(_ text: String) {
        if isInteractive { inform(text) }
    }

    /// A message for the person at the shell that is not a result (a load report, a note on a result, a
    /// `set` confirmation, "wrote …"): on stderr, so stdout and `.output` files hold results only, and
    /// silenced by `-q`.
    public func inform(_ text: String) {
        guard !settings.quiet, !text.isEmpty else { return }
        io.err.write(text.hasSuffix("\n") ? text : text + "\n")
    }

    /// Renders `table` in the current mode to `destination`.
    func writeTable(_ table: ResultTable, to destination: ResultDestination, elapsed: Double? = nil) {
        let toTerminal = destination == .standard && io.outIsTerminal
        let options = RenderOptions(maxWidth: toTerminal ? io.terminalWidth() : nil,
                                    color: destination == .standard && io.outColor,
                                    elapsed: settings.mode.hasFooter ? elapsed : nil,
                                    maxRows: settings.rowLimit(toTerminal: toTerminal))
        let fitted = NarrowTransitions.fitted(table, mode: settings.mode, width: options.maxWidth)
        startResult(on: destination).write(render(fitted, options: options))
        writeNotes(table)
        if let elapsed, !settings.mode.hasFooter {
            // csv/json output must stay machine-readable, so the time goes to stderr.
            io.err.write("time: \(ElapsedText.describe(elapsed))\n")
        }
    }

    /// Prints `diagnostic` on stderr, located in `source`.
    func report(_ diagnostic: Diagnostic, in source: SourceFile) {
        io.err.write(diagnostic.render(in: source, color: io.errColor) + "\n")
    }

    /// Prints a message with no source location (a failed startup load, an unreadable script) on
    /// stderr as given; its `error:` is red on a colour terminal.
    public func reportError(_ message: String) {
        var text = message
        if io.errColor, let range = text.firstRange(of: "error:") {
            text.replaceSubrange(range, with: Paint(enabled: true).red("error:"))
        }
        io.err.write(text + "\n")
    }

    /// Closes the `.output` file still open at the end of a script, checking the close (the writes were
    /// checked statement by statement). Returns false, after reporting it, when the close failed.
    public func closeOutput() -> Bool {
        guard case .file(_, let file) = output else { return true }
        output = .standard
        outputsWithResults.remove(ObjectIdentifier(file))
        do {
            try file.finish()
            return true
        } catch {
            reportError("error: \(error)")
            return false
        }
    }

    /// True once a write to standard output failed: nothing more can be delivered, so the run ends. A
    /// closed pipe (`siklus … | head`: the reader has what it wanted) ends it quietly; any other failure
    /// (a full disk) is reported once on stderr. The executable turns these into exit statuses.
    func standardOutputIsLost() -> Bool {
        guard let code = io.out.writeError else { return false }
        if code != EPIPE, !reportedLostOutput {
            reportedLostOutput = true
            reportError("error: \(FileWriteError(path: "standard output", code: code)); the results are incomplete")
        }
        return true
    }

    /// The output for `destination`, after the separator from the result already written there, if any.
    func startResult(on destination: ResultDestination) -> TextOutput {
        let output = destinationOutput(destination)
        if !outputsWithResults.insert(ObjectIdentifier(output)).inserted { output.write(settings.mode.resultSeparator) }
        return output
    }

    /// Forgets that `destination` holds results: a closed file (its object, and so its identifier, may be
    /// reused), or stdout at each new line of the interactive shell, where the prompt separates results.
    func forgetResults(in destination: ResultDestination) {
        outputsWithResults.remove(ObjectIdentifier(destinationOutput(destination)))
    }

    func destinationOutput(_ destination: ResultDestination) -> TextOutput {
        switch destination {
        case .standard: io.out
        case .file(_, let file): file
        }
    }
}

/// Where results are written.
enum ResultDestination: Equatable {
    case standard
    case file(path: String, output: FileDescriptorOutput)

    static func == (a: ResultDestination, b: ResultDestination) -> Bool {
        switch (a, b) {
        case (.standard, .standard): true
        case (.file(_, let x), .file(_, let y)): x === y
        default: false
        }
    }
}

extension Shell {
    /// Draws a result as a terminal chart sized to the terminal (elsewhere `COLUMNS`×`LINES`, else
    /// 100×30: `ChartCanvas`), in colour only on a colour terminal; a result with no chart is shown as a
    /// table with a note.
    func writeChart(_ table: ResultTable, to destination: ResultDestination) {
        let toTerminal = destination == .standard && io.outIsTerminal
        let canvas = ChartCanvas.size(toTerminal: toTerminal, terminalWidth: toTerminal ? io.terminalWidth() : nil,
                                      terminalHeight: toTerminal ? Terminal.height() : nil, environment: io.environment)
        let options = ChartOptions(width: canvas.width, height: canvas.height, color: destination == .standard && io.outColor,
                                   present: settings.present)
        do {
            let chart = try TerminalChart.render(table, options: options)
            startResult(on: destination).write(chart + "\n")
        } catch {
            inform(MessageCatalog.text("shell.chart_as_table", ["reason": "\(error)"]))
            writeTable(table, to: destination)
        }
    }
}
