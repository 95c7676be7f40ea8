/// The colours and characters terminal charts draw with, in one place so every chart agrees.
enum TerminalPalette {
    /// Heatmap backgrounds from low to high: a five-step viridis (purple → blue → teal → green →
    /// yellow). Sequential, readable by colour-blind viewers, and distinct on dark and light terminals.
    static let heat: [UInt8] = [54, 61, 30, 71, 220]
    /// Background of a zero cell: a neutral grey that reads as "nothing" rather than "low".
    static let heatZero: UInt8 = 236
    /// Shade characters for heatmap levels 1...4 without colour (level 0 is blank).
    static let shades: [Character] = ["░", "▒", "▓", "█"]

    /// Line colours for series, chosen to be far apart in hue and bright enough on black or white.
    static let series: [UInt8] = [39, 208, 70, 170, 220, 160, 44, 247]
    /// Marker characters for series without colour: ASCII, so every terminal draws them one wide.
    static let markers: [Character] = ["*", "o", "+", "x", "#", "@", "%", "&"]

    /// Stage colours in lifecycle order, with churn in red and lapsed (prospects gone quiet) in grey.
    static let stages: [UInt8] = [33, 44, 114, 34, 178, 141, 160, 246]
    /// Stage fill characters without colour, dense to light so neighbours differ.
    static let stageFills: [Character] = ["█", "▓", "▒", "░", "#", "+", ":", "."]

    /// Bar colour of funnel and plain bars.
    static let bar: UInt8 = 39
    /// Colour of the "lost since previous step" ghost bar.
    static let ghost: UInt8 = 239
    /// Axis lines and tick marks.
    static let axis: UInt8 = 244
    /// Secondary text (legends, notes).
    static let muted: UInt8 = 245

    /// Black or white text, whichever reads better on background `color`.
    static func foreground(on color: UInt8) -> UInt8 {
        let (r, g, b) = rgb(color)
        // Relative luminance with sRGB weights, on 0...255 channels.
        let luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
        return luminance > 140 ? 16 : 231
    }

    /// Approximate RGB (0...255 each) of a 256-colour index.
    static func rgb(_ color: UInt8) -> (Double, Double, Double) {
        let index = Int(color)
        switch index {
        case 0..<16:
            let base: [(Double, Double, Double)] = [
                (0, 0, 0), (128, 0, 0), (0, 128, 0), (128, 128, 0), (0, 0, 128), (128, 0, 128), (0, 128, 128), (192, 192, 192),
                (128, 128, 128), (255, 0, 0), (0, 255, 0), (255, 255, 0), (0, 0, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
            ]
            return base[index]
        case 16..<232:
            let levels: [Double] = [0, 95, 135, 175, 215, 255]
            let cube = index - 16
            return (levels[cube / 36], levels[cube / 6 % 6], levels[cube % 6])
        default:
            let grey = Double(8 + (index - 232) * 10)
            return (grey, grey, grey)
        }
    }
}
