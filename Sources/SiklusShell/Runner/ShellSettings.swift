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

    public init(mode: OutputMode, timer: Bool = false, bail: Bool = true, quiet: Bool = false) {
        self.mode = mode
        self.timer = timer
        self.bail = bail
        self.quiet = quiet
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
