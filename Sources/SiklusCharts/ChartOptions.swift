/// The size and colour mode a terminal chart is drawn for.
public struct ChartOptions: Sendable, Equatable {
    /// Maximum line length in display columns; no line of the chart is longer.
    public var width: Int
    /// Maximum number of lines; charts that need fewer lines use fewer.
    public var height: Int
    /// Whether to use ANSI 256-colour escapes. Without colour, charts use shade blocks and
    /// distinct characters instead, so they stay readable when piped or under NO_COLOR.
    public var color: Bool
    /// Presentation mode (`.present on`), for a projector: thick block lines instead of braille, full
    /// labels and values instead of compact ones, taller bars where there is room, and colours that
    /// read on light and dark backgrounds alike (`ProjectorColors`).
    public var present: Bool

    /// Creates options for a `width` × `height` character area.
    public init(width: Int = 80, height: Int = 24, color: Bool = false, present: Bool = false) {
        self.width = width
        self.height = height
        self.color = color
        self.present = present
    }

    /// Whether colour should be used: not when `NO_COLOR` is set to a non-empty value
    /// (https://no-color.org), not for `TERM=dumb`, and not when output is not a terminal.
    public static func colorAllowed(environment: [String: String], isTerminal: Bool) -> Bool {
        guard isTerminal else { return false }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        return environment["TERM"] != "dumb"
    }
}
