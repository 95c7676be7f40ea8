/// The shell's switches, changed by meta-commands (`.mode`, `.timer`, `.bail`) and flags (`--mode`).
public struct ShellSettings: Sendable, Equatable {
    /// How results are printed.
    public var mode: OutputMode
    /// Print how long each statement took (`.timer on`).
    public var timer: Bool
    /// Stop a script at the first error (`.bail on`, the default). Never stops the interactive shell.
    public var bail: Bool
    /// Say nothing but results and errors (`-q`): no load reports, notes, confirmations or "wrote …" lines.
    public var quiet: Bool
    /// Presentation mode for a projector (`.present on`, `--present`): charts with thick lines, taller
    /// bars and colours that read on light and dark screens.
    public var present = false
    /// The most rows a table shows in the modes meant for reading (`.maxrows N`, 0: all); nil is
    /// DuckDB's default, `defaultMaxRows` on a terminal and all rows elsewhere.
    public var maxRows: Int?
    /// `.mode csv excel`: csv for a spreadsheet in the session's language (`;` and decimal commas in Indonesian).
    public var excelCSV = false

    /// Rows shown on a terminal when `.maxrows` was not set, as in DuckDB's shell.
    public static let defaultMaxRows = 40

    public init(mode: OutputMode, timer: Bool = false, bail: Bool = true, quiet: Bool = false, maxRows: Int? = nil) {
        self.mode = mode
        self.timer = timer
        self.bail = bail
        self.quiet = quiet
        self.maxRows = maxRows
    }

    /// The row limit for a table written in the current mode to a terminal or not: never one in the
    /// exact modes (csv, tsv, json are data), else `.maxrows`, else 40 on a terminal.
    public func rowLimit(toTerminal: Bool) -> Int? {
        guard !mode.isExact else { return nil }
        let limit = maxRows ?? (toTerminal ? Self.defaultMaxRows : 0)
        return limit > 0 ? limit : nil
    }
}

/// How a run of a script (or an interactive session) ended.
public struct RunSummary: Sendable, Equatable {
    /// Statements and commands that failed (each reported on stderr).
    public var failures: Int
    /// The status asked for by `.quit` or `.exit [CODE]`, if one ran.
    public var quitStatus: Int32?

    public init(failures: Int = 0, quitStatus: Int32? = nil) {
        self.failures = failures
        self.quitStatus = quitStatus
    }

    /// The process exit status for a script: the `.exit` code if given, else 1 after any failure, else 0.
    public var exitStatus: Int32 { quitStatus ?? (failures > 0 ? 1 : 0) }
}
