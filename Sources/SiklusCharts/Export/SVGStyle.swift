/// How an exported chart is drawn: for a screen, or for a projector (`.present on`): text 1.35× larger,
/// lines twice as thick, and colours that read on light and dark screens alike. The chart keeps its own
/// white ground, and every projector colour has a contrast of at least 3.5:1 against both white and
/// black (text: black on the white ground), so the file reads the same pasted into a dark slide.
///
/// `ReportExporter` binds `current` for one export; `SVGDocument` reads it when it is created, so
/// every chart kind follows it without a parameter of its own.
struct SVGStyle: Sendable, Equatable {
    /// Factor on every font size (and on the text widths layouts reserve).
    var fontScale: Double
    /// Factor on every line and polyline width.
    var strokeScale: Double
    /// Replacements of the screen palette's colours.
    var colors: [String: String]

    static let screen = SVGStyle(fontScale: 1, strokeScale: 1, colors: [:])

    static let projector = SVGStyle(fontScale: 1.35, strokeScale: 2, colors: [
        // text, secondary text, axes, grid lines
        SVGPalette.text: "#000000", SVGPalette.muted: "#444444", SVGPalette.axis: "#6b6b6b", SVGPalette.grid: "#b0b0b0",
        // bars, the ghost of the previous funnel step, empty heatmap cells
        SVGPalette.bar: "#1a5fa0", SVGPalette.ghost: "#a9c4e0", SVGPalette.zeroCell: "#cccccc",
    ].merging(zip(SVGPalette.series, ["#0072b2", "#c85a00", "#008060", "#d02c2c", "#8a4fc0", "#a0522d", "#c0448f", "#6b6b6b"]), uniquingKeysWith: { a, _ in a })
     .merging(zip(SVGPalette.stages, ["#2f6db5", "#1d8a8a", "#3f8f2f", "#2e7d32", "#a67c00", "#9a4f96", "#d0383b"]), uniquingKeysWith: { a, _ in a }))

    /// True in presentation mode.
    var isProjector: Bool { self != .screen }

    /// The colour drawn for `color` of the screen palette.
    func color(_ color: String) -> String { colors[color] ?? color }

    /// The style of the export being made.
    @TaskLocal static var current = SVGStyle.screen
}
