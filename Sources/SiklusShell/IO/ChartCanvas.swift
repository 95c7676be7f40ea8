/// The character area a `plot` is drawn in: the terminal's size on a terminal; elsewhere (a pipe, a
/// file, `.output`) `COLUMNS` × `LINES` when set, else 100 × 30, wide enough for a year of monthly
/// retention columns. Sizes from the environment are clamped, so a stray `COLUMNS=99999999` cannot make
/// drawing cost unbounded.
struct ChartCanvas: Equatable {
    var width: Int
    var height: Int

    /// The size used outside a terminal when `COLUMNS`/`LINES` are not set.
    static let offTerminal = ChartCanvas(width: 100, height: 30)
    /// The sizes taken from the environment are kept within these bounds.
    static let widths = 20...1_000, heights = 8...500

    /// The canvas for a chart written to a terminal (`terminalWidth`/`terminalHeight` asked of it) or not.
    static func size(toTerminal: Bool, terminalWidth: Int?, terminalHeight: Int?, environment: [String: String]) -> ChartCanvas {
        if toTerminal { return ChartCanvas(width: terminalWidth ?? 80, height: max(12, terminalHeight ?? 24)) }
        func number(_ name: String) -> Int? { environment[name].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } }
        return ChartCanvas(width: number("COLUMNS").map { min(max($0, widths.lowerBound), widths.upperBound) } ?? offTerminal.width,
                           height: number("LINES").map { min(max($0, heights.lowerBound), heights.upperBound) } ?? offTerminal.height)
    }
}
