/// Horizontal bars with eighth-of-a-character precision using the left-block elements.
enum BlockBar {
    /// ▏▎▍▌▋▊▉ for 1/8 … 7/8 of a cell.
    private static let partials: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// A bar `length` cells long (fractional), at most `Int(length.rounded(.up))` characters.
    /// A positive length shorter than one eighth still shows a sliver, so small steps never vanish.
    static func bar(length: Double) -> String {
        guard length > 0, length.isFinite else { return "" }
        let eighths = max(1, Int((length * 8).rounded()))
        let full = String(repeating: "█", count: eighths / 8)
        let remainder = eighths % 8
        return remainder == 0 ? full : full + String(partials[remainder - 1])
    }

    /// Number of character cells `bar(length:)` occupies.
    static func cells(length: Double) -> Int {
        DisplayWidth.of(bar(length: length))
    }
}
