import SiklusCharts
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Facts about the process's terminal, asked of the kernel (no terminal library needed).
public enum Terminal {
    /// True when `descriptor` is a terminal.
    public static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }

    /// Width in columns of the terminal on `descriptor`, else `$COLUMNS`, else nil.
    public static func width(of descriptor: Int32, environment: [String: String]) -> Int? {
        var size = winsize()
        if ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        return nil
    }

    /// The terminal's height in rows on standard output, if it is a terminal.
    public static func height() -> Int? {
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 { return Int(size.ws_row) }
        return nil
    }

    /// False when `NO_COLOR` is set to any non-empty value (https://no-color.org) or `TERM=dumb`
    /// (the charts' rule, so tables and charts agree).
    public static func colorAllowed(environment: [String: String]) -> Bool {
        ChartOptions.colorAllowed(environment: environment, isTerminal: true)
    }
}
