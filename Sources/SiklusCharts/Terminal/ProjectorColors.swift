import Foundation

/// Presentation-mode colours: every colour a chart draws with, swapped for one of similar hue whose
/// luminance sits between black and white, so nothing vanishes on a light or a dark projector screen
/// (each has a contrast of at least 3:1, the WCAG threshold for graphics, against both). Yellows,
/// light greens and pale greys (fine on a black terminal, invisible on a white one) and near-blacks
/// (the reverse) are the colours replaced. Text on a replaced background is chosen black or white again.
enum ProjectorColors {
    /// Normal colour → projector colour. Within each palette the replacements stay distinct.
    static let replacements: [UInt8: UInt8] = [
        // heat (viridis): purple, blue, teal, green, yellow → the same hues at mid luminance
        54: 97, 61: 32, 30: 30, 71: 28, 220: 136,
        // zero cells: near-black grey → mid grey
        236: 244,
        // series and bars: sky blue, orange, green, pink, yellow, red, cyan, light grey
        39: 32, 208: 166, 70: 64, 170: 164, 160: 160, 44: 30, 247: 243,
        // stages: blue, cyan, light green, green, gold, lilac, red
        33: 27, 114: 64, 34: 28, 178: 130, 141: 98,
        // ghost bars and dark greys
        239: 245,
    ]

    /// The projector colour for `color` (unchanged when it already reads on both backgrounds).
    static func adapt(_ color: UInt8) -> UInt8 { replacements[color] ?? color }

    /// `style` with projector colours; the foreground of text on a background is recomputed.
    static func adapt(_ style: Style) -> Style {
        var adapted = style
        adapted.background = style.background.map(adapt)
        if let background = adapted.background, let foreground = style.foreground,
           foreground == 16 || foreground == 231 {
            adapted.foreground = TerminalPalette.foreground(on: background)
        } else {
            adapted.foreground = style.foreground.map(adapt)
        }
        // Faint text fades into a projected background.
        adapted.dim = false
        return adapted
    }

    /// WCAG contrast ratio of a 256-colour index against black and against white (the smaller).
    static func contrastOnBlackAndWhite(_ color: UInt8) -> Double {
        let (r, g, b) = TerminalPalette.rgb(color)
        func linear(_ channel: Double) -> Double {
            let c = channel / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        let luminance = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
        return min(1.05 / (luminance + 0.05), (luminance + 0.05) / 0.05)
    }
}
