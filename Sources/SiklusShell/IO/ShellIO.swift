/// Where the shell writes and what the destination can show (colour, width).
///
/// Tests build one from `CapturedOutput`s; the executable uses `ShellIO.standard()`.
public struct ShellIO {
    /// Results: tables, load reports, listings.
    public var out: TextOutput
    /// Diagnostics and warnings.
    public var err: TextOutput
    /// True when `out` is an interactive terminal (results may use colour and are cut to `width`).
    public var outIsTerminal: Bool
    /// True when ANSI colour may be written to `out`.
    public var outColor: Bool
    /// True when ANSI colour may be written to `err`.
    public var errColor: Bool
    /// The terminal's current width in columns, asked for each result because the window can be resized.
    public var terminalWidth: () -> Int?
    /// The process environment, for `COLUMNS`/`LINES` when a chart is drawn outside a terminal.
    public var environment: [String: String]

    public init(out: TextOutput, err: TextOutput, outIsTerminal: Bool = false, outColor: Bool = false,
                errColor: Bool = false, terminalWidth: @escaping () -> Int? = { nil }, environment: [String: String] = [:]) {
        self.out = out
        self.err = err
        self.outIsTerminal = outIsTerminal
        self.outColor = outColor
        self.errColor = errColor
        self.terminalWidth = terminalWidth
        self.environment = environment
    }

    /// Standard output and error, with colour only on terminals and only when `NO_COLOR` is unset or empty.
    public static func standard(environment: [String: String]) -> ShellIO {
        let colorAllowed = Terminal.colorAllowed(environment: environment)
        let outTTY = Terminal.isTerminal(1)
        return ShellIO(out: FileDescriptorOutput.standardOutput, err: FileDescriptorOutput.standardError,
                       outIsTerminal: outTTY, outColor: outTTY && colorAllowed,
                       errColor: Terminal.isTerminal(2) && colorAllowed,
                       terminalWidth: { Terminal.width(of: 1, environment: environment) }, environment: environment)
    }
}
