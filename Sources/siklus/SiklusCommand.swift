import ArgumentParser
import Foundation
import SiklusConnect
import SiklusEngine
import SiklusLanguage
import SiklusShell
import SiklusSQL
import SiklusStore

/// `siklus [--data DIR] [--events FILE] [--customers FILE] [--spend FILE] [--no-demo] [--mode MODE]
/// [-c TEXT | -f FILE | SCRIPT | DATAFILE]`.
struct SiklusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "siklus",
        abstract: "A shell for customer-lifecycle cohort analytics.",
        discussion: """
        With no script and a terminal on stdin, starts the interactive shell on the demo dataset. \
        With -c, -f, a script path, or piped stdin, runs the statements and exits: status 1 after an \
        error (scripts stop at the first one unless they say `.bail off`), 0 otherwise. \
        A data file in place of the script (`siklus orders.csv`: .csv, .tsv, .txt, .gz, or other text \
        whose first line has a delimiter) is loaded as events, and the shell opens on it.
        """,
        version: "siklus \(siklusVersion)")

    /// Every `-c` runs, in order, as the lines of one script: a second `-c` must not silently replace the first.
    @Option(name: [.customShort("c"), .long],
            help: ArgumentHelp("Run these statements and exit (repeatable: each -c runs in order, as the next line).", valueName: "statements"))
    var command: [String] = []

    @Option(name: [.customShort("f"), .long], help: ArgumentHelp("Run the script in this file and exit.", valueName: "path"))
    var file: String?

    @Argument(help: ArgumentHelp("A script to run (same as -f), or a data file to load as events (same as --events).",
                                 valueName: "script-or-data"))
    var script: String?

    @Option(help: ArgumentHelp("Load customers.csv, events.csv and spend.csv from this directory.", valueName: "dir"))
    var data: String?

    @Option(help: ArgumentHelp("Load this file as the events table (instead of DIR/events.csv with --data).", valueName: "file"))
    var events: String?

    @Option(help: ArgumentHelp("Load this file as the customers table (instead of DIR/customers.csv with --data).", valueName: "file"))
    var customers: String?

    @Option(help: ArgumentHelp("Load this file as the spend table (instead of DIR/spend.csv with --data).", valueName: "file"))
    var spend: String?

    @Flag(help: "Start the interactive shell with no data instead of the demo dataset.")
    var noDemo = false

    @Option(help: ArgumentHelp("How results are printed (default: box on a terminal, plain otherwise).", valueName: "mode"))
    var mode: OutputMode?

    @Flag(help: "Presentation mode for a projector (as `.present on`): thick chart lines, colours for light and dark screens.")
    var present = false

    /// The shell's settings from the flags.
    private func shellSettings(_ io: ShellIO) -> ShellSettings {
        var settings = ShellSettings(mode: mode ?? .defaultMode(outputIsTerminal: io.outIsTerminal), quiet: quiet)
        settings.present = present
        return settings
    }

    @Flag(name: [.customShort("q"), .long], help: "Print only results and errors: no load reports, notes or confirmations.")
    var quiet = false

    @Option(help: ArgumentHelp("Step through this commented script as a lesson (Enter: next, b: back, q: stop); on a terminal the shell stays open after it.",
                               valueName: "file"))
    var tour: String?

    @Flag(help: "Step through the demo lesson: the lifecycle stages and their metrics on the demo data (same as --tour with the demo's tour.sik).")
    var lesson = false

    func validate() throws {
        if !command.isEmpty, file != nil { throw ValidationError("give at most one of -c, -f and a script path") }
        if tour != nil, lesson { throw ValidationError("give either --tour FILE or --lesson") }
        if tour != nil || lesson, !command.isEmpty || file != nil { throw ValidationError("a lesson (--tour, --lesson) runs instead of -c or -f") }
    }

    /// The files named for one table each: the flags, plus the positional file when it is data.
    /// Throws when the positional argument is a script next to -c or -f, or data next to --events.
    func namedDataFiles(positional: CommandLineFile.Kind?) throws -> [TableKind: String] {
        var named: [TableKind: String] = [:]
        named[.events] = events
        named[.customers] = customers
        named[.spend] = spend
        guard let script, let positional else { return named }
        switch positional {
        case .script:
            if !command.isEmpty || file != nil { throw ValidationError("give at most one of -c, -f and a script path") }
        case .data:
            if let events {
                throw ValidationError("\(script) is a data file and --events names \(events): give the events file once")
            }
            named[.events] = script
        }
        return named
    }

    func run() throws {
        // A closed pipe on stdout must not kill the process mid-write: writes then fail with EPIPE,
        // which ends the run quietly (see `exitStatus`).
        signal(SIGPIPE, SIG_IGN)
        let environment = ProcessInfo.processInfo.environment
        let io = ShellIO.standard(environment: environment)
        let positional = script.map(CommandLineFile.kind(of:))
        let named = try namedDataFiles(positional: positional)
        let scriptPath = file ?? (positional == .script ? script : nil)
        if scriptPath != nil, tour != nil || lesson { throw ValidationError("a lesson (--tour, --lesson) runs instead of a script") }
        let interactive = command.isEmpty && scriptPath == nil && Terminal.isTerminal(0)
        let session = Session()
        // `SIKLUS_LANG=id`, or an Indonesian locale (`LANG=id_ID.UTF-8`), starts in Indonesian.
        session.display.language = Language.fromEnvironment(environment)
        // Long queries poll Ctrl-C through this; the engine cannot see the shell's flag itself.
        session.isCancelled = { ShellInterrupt.isRaised }
        // `connect` opens PostgreSQL and Spark through SiklusConnect; the engine module links no client.
        // Ctrl-C abandons a connect (PostgreSQL's handshake, Spark's JVM start).
        session.engineConnector = { dialect, target throws(SQLEngineError) in
            try EngineConnector.connect(dialect, target: target, isCancelled: { ShellInterrupt.isRaised })
        }
        // An engine (a local Spark JVM) must not outlive the shell, however it ends.
        defer { session.disconnect() }
        let shell = Shell(session: session, io: io,
                          settings: shellSettings(io),
                          isInteractive: interactive)

        let tourPath: String?
        do {
            tourPath = try lesson ? DemoLesson.scriptPath(environment: environment, language: session.display.language) : tour
        } catch {
            shell.reportError("error: the demo lesson is not available: \(error)")
            throw ExitCode(1)
        }
        var dataDirectory = data
        var builtInDemo = false
        // A lesson loads its own data.
        if dataDirectory == nil, named.isEmpty, interactive, !noDemo, tourPath == nil {
            dataDirectory = DemoLocator.locate(environment: environment, currentDirectory: FileManager.default.currentDirectoryPath,
                                               executablePath: DemoLocator.executablePath())
            if dataDirectory == nil, let embedded = try? EmbeddedDemo.folder().get() {
                dataDirectory = embedded
                builtInDemo = true
            }
            if dataDirectory == nil { shell.inform("note: the demo dataset (datasets/demo) was not found; set SIKLUS_DEMO or use --data DIR") }
        }
        let startup = Language.$current.withValue(session.display.language) { DataDirectoryLoader.load(directory: dataDirectory, named: named, into: shell.session) }
        // The files named on the command line were chosen by the user: their reports (roles found,
        // rows skipped) are notes on stderr, so piped results stay clean; `-q` silences them.
        for report in startup.namedReports { shell.inform(Language.$current.withValue(session.display.language) { report.localized(includeTiming: false) }) }
        let loadErrors = startup.errors
        loadErrors.forEach(shell.reportError)
        // The banner's "from …": the directory, or the one file named without one.
        if dataDirectory == nil, named.count == 1 { dataDirectory = named.values.first }
        if builtInDemo { dataDirectory = "the built-in demo" }

        if interactive {
            let status = InteractiveShell(shell: shell, environment: environment).run(dataDirectory: dataDirectory, tour: tourPath)
            throw ExitCode(shell.closeOutput() ? status : max(status, 1))
        }
        // A script must not run on data that failed to load: its results would be silently wrong.
        if !loadErrors.isEmpty { throw ExitCode(1) }

        let summary: RunSummary
        if let tourPath {
            do {
                summary = shell.runTour(try ScriptFile.read(tourPath), name: tourPath, directory: RelativePath.directory(of: tourPath))
            } catch {
                shell.reportError("error: \(error.description)")
                throw ExitCode(1)
            }
        } else if !command.isEmpty {
            summary = shell.runScript(command.joined(separator: "\n"), name: "<command line>")
        } else if let path = scriptPath {
            do {
                summary = shell.runScript(try ScriptFile.read(path), name: path, directory: RelativePath.directory(of: path))
            } catch {
                shell.reportError("error: \(error.description)")
                throw ExitCode(1)
            }
        } else {
            var input = StandardInputLineSource()
            summary = ScriptRunner(shell: shell, name: "<stdin>").run(&input)
        }
        let closed = shell.closeOutput()
        let status = Self.exitStatus(summary, standardOutputError: io.out.writeError, outputClosed: closed)
        if status != 0 { throw ExitCode(status) }
    }

    /// The script's status, except when standard output was closed by its reader (`siklus … | head`):
    /// then 141 (128 + SIGPIPE), the status a shell reports for other tools stopped by the closed pipe,
    /// so `set -o pipefail` treats siklus like `cat`; nothing is printed.
    /// A `.output` file whose close failed makes an otherwise clean run fail.
    static func exitStatus(_ summary: RunSummary, standardOutputError: Int32?, outputClosed: Bool) -> Int32 {
        if standardOutputError == EPIPE { return 141 }
        return summary.exitStatus == 0 && !outputClosed ? 1 : summary.exitStatus
    }
}

extension OutputMode: ExpressibleByArgument {}
