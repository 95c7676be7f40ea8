import Foundation

/// A small SVG writer: shapes and text appended in drawing order, attributes escaped, numbers
/// written with at most two decimals so files stay small and stable.
struct SVGDocument {
    /// Horizontal anchor of a text element.
    enum Anchor: String {
        case start, middle, end
    }

    let width: Double
    let height: Double
    /// Screen or projector (`SVGStyle.current` when the document was made).
    let style = SVGStyle.current
    private var body: [String] = []

    /// Sans-serif system fonts only: an exported file must not fetch anything.
    static let fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// Rough width of `text` at `size` pixels in a proportional sans font, for layout only.
    static func textWidth(_ text: String, size: Double) -> Double {
        Double(DisplayWidth.of(text)) * size * SVGStyle.current.fontScale * 0.6
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String,
                       cssClass: String? = nil, tooltip: String? = nil, radius: Double = 0) {
        var attributes = "x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(max(0, width)))\" height=\"\(n(max(0, height)))\" fill=\"\(style.color(fill))\""
        if radius > 0 { attributes += " rx=\"\(n(radius))\"" }
        body.append(element("rect", attributes, cssClass: cssClass, tooltip: tooltip))
    }

    mutating func text(_ text: String, x: Double, y: Double, anchor: Anchor = .start, size: Double = 12,
                       fill: String = "#333333", bold: Bool = false, cssClass: String? = nil) {
        var attributes = "x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(n(size * style.fontScale))\" fill=\"\(style.color(fill))\""
        if anchor != .start { attributes += " text-anchor=\"\(anchor.rawValue)\"" }
        if bold { attributes += " font-weight=\"600\"" }
        if let cssClass { attributes += " class=\"\(Markup.escape(cssClass))\"" }
        body.append("<text \(attributes)>\(Markup.escape(text))</text>")
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, cssClass: String? = nil) {
        let attributes = "x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(style.color(stroke))\" stroke-width=\"\(n(width * style.strokeScale))\""
        body.append(element("line", attributes, cssClass: cssClass, tooltip: nil))
    }

    mutating func polyline(_ points: [(x: Double, y: Double)], stroke: String, width: Double = 2, cssClass: String? = nil, tooltip: String? = nil) {
        let list = points.map { "\(n($0.x)),\(n($0.y))" }.joined(separator: " ")
        let attributes = "points=\"\(list)\" fill=\"none\" stroke=\"\(style.color(stroke))\" stroke-width=\"\(n(width * style.strokeScale))\" stroke-linejoin=\"round\" stroke-linecap=\"round\""
        body.append(element("polyline", attributes, cssClass: cssClass, tooltip: tooltip))
    }

    /// A filled shape through `points` (a Sankey band), translucent so crossing bands stay visible.
    mutating func polygon(_ points: [(x: Double, y: Double)], fill: String, opacity: Double, cssClass: String? = nil, tooltip: String? = nil) {
        let list = points.map { "\(n($0.x)),\(n($0.y))" }.joined(separator: " ")
        body.append(element("polygon", "points=\"\(list)\" fill=\"\(style.color(fill))\" fill-opacity=\"\(n(opacity))\"", cssClass: cssClass, tooltip: tooltip))
    }

    mutating func circle(cx: Double, cy: Double, r: Double, fill: String, cssClass: String? = nil, tooltip: String? = nil) {
        let attributes = "cx=\"\(n(cx))\" cy=\"\(n(cy))\" r=\"\(n(r * style.strokeScale))\" fill=\"\(style.color(fill))\""
        body.append(element("circle", attributes, cssClass: cssClass, tooltip: tooltip))
    }

    /// The finished `<svg>` element. `standalone` adds the XML declaration and namespace a
    /// `.svg` file needs; inline in HTML both are left out, so the page holds no URL at all.
    func rendered(title: String, standalone: Bool) -> String {
        var header = ""
        if standalone { header += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" }
        header += "<svg"
        if standalone { header += " xmlns=\"http://www.w3.org/2000/svg\"" }
        header += " viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"\(n(width))\" height=\"\(n(height))\""
        // A presentation export says so, for whoever opens the file (and the tests).
        if style.isProjector { header += " class=\"present\"" }
        header += " role=\"img\" aria-label=\"\(Markup.escape(title))\" font-family=\"\(SVGDocument.fontFamily)\">"
        let background = "<rect x=\"0\" y=\"0\" width=\"\(n(width))\" height=\"\(n(height))\" fill=\"#ffffff\"/>"
        return ([header, "<title>\(Markup.escape(title))</title>", background] + body + ["</svg>"]).joined(separator: "\n")
    }

    private func element(_ name: String, _ attributes: String, cssClass: String?, tooltip: String?) -> String {
        var text = "<\(name) \(attributes)"
        if let cssClass { text += " class=\"\(Markup.escape(cssClass))\"" }
        // A <title> child is the SVG way to a hover tooltip, and needs no script.
        guard let tooltip else { return text + "/>" }
        return text + "><title>\(Markup.escape(tooltip))</title></\(name)>"
    }

    /// Coordinates with at most two decimals and no trailing zeros.
    private func n(_ value: Double) -> String {
        ValueFormatter.trimmed(String(format: "%.2f", value.isFinite ? value : 0))
    }
}
