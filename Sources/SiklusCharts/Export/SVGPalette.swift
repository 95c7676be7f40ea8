import Foundation

/// Colours of the exported charts: the same families as the terminal (viridis heatmaps, one hue
/// per series, lifecycle stage colours) at full precision.
enum SVGPalette {
    /// Viridis anchor colours from low to high.
    private static let viridis: [(Double, Double, Double)] = [
        (0x44, 0x01, 0x54), (0x3B, 0x52, 0x8B), (0x21, 0x91, 0x8C), (0x5E, 0xC9, 0x62), (0xFD, 0xE7, 0x25),
    ]

    static let series = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"]
    static let stages = ["#4e79a7", "#76b7b2", "#8cd17d", "#59a14f", "#edc948", "#b07aa1", "#e15759", "#bab0ac"]
    static let bar = "#2b7bba"
    static let ghost = "#dce8f3"
    static let zeroCell = "#eeeeee"
    static let axis = "#888888"
    static let grid = "#e6e6e6"
    static let text = "#333333"
    static let muted = "#777777"

    /// The viridis colour at `fraction` (0...1), interpolated between anchors.
    static func heat(_ fraction: Double) -> String {
        let t = max(0, min(1, fraction)) * Double(viridis.count - 1)
        let index = min(viridis.count - 2, Int(t))
        let local = t - Double(index)
        let (a, b) = (viridis[index], viridis[index + 1])
        return hex(a.0 + (b.0 - a.0) * local, a.1 + (b.1 - a.1) * local, a.2 + (b.2 - a.2) * local)
    }

    /// Dark or white text, whichever reads better on the viridis colour at `fraction`.
    static func heatText(_ fraction: Double) -> String {
        fraction > 0.6 ? "#111111" : "#ffffff"
    }

    static func series(_ index: Int) -> String { series[index % series.count] }
    static func stage(_ index: Int) -> String { stages[index % stages.count] }

    /// Text colour on a stage colour.
    static func stageText(_ index: Int) -> String {
        // Light stage fills (teal, greens, gold) take dark text.
        // Projector stage colours are all dark enough for white text.
        !SVGStyle.current.isProjector && [1, 2, 4].contains(index % stages.count) ? "#111111" : "#ffffff"
    }

    private static func hex(_ r: Double, _ g: Double, _ b: Double) -> String {
        String(format: "#%02x%02x%02x", Int(r.rounded()), Int(g.rounded()), Int(b.rounded()))
    }
}
