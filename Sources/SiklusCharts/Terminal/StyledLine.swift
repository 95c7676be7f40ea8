/// Foreground and background colours (ANSI 256-colour indices) and weight of a run of text.
struct Style: Equatable {
    var foreground: UInt8?
    var background: UInt8?
    var bold = false
    var dim = false

    /// The SGR escape that switches to this style.
    var escape: String {
        var codes: [String] = []
        if bold { codes.append("1") }
        if dim { codes.append("2") }
        if let foreground { codes.append("38;5;\(foreground)") }
        if let background { codes.append("48;5;\(background)") }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    static let reset = "\u{1B}[0m"
}

/// One output line built from styled runs, tracking its display width as it grows so renderers
/// can lay out columns and never exceed the chart width.
struct StyledLine {
    private(set) var runs: [(text: String, style: Style?)] = []
    /// Display columns used so far.
    private(set) var width = 0

    init() {}

    init(_ text: String, _ style: Style? = nil) {
        append(text, style)
    }

    /// Adds `text` in `style` (nil = terminal default).
    mutating func append(_ text: String, _ style: Style? = nil) {
        guard !text.isEmpty else { return }
        if let last = runs.last, last.style == style {
            runs[runs.count - 1].text += text
        } else {
            runs.append((text, style))
        }
        width += DisplayWidth.of(text)
    }

    /// Adds spaces up to display column `column`.
    mutating func pad(to column: Int) {
        if column > width { append(String(repeating: " ", count: column - width)) }
    }

    /// The line cut to `limit` columns. A safety net: renderers lay lines out to fit, and this
    /// guarantees the no-wrap promise even if a layout is off by one.
    func clipped(to limit: Int) -> StyledLine {
        guard width > limit else { return self }
        var result = StyledLine()
        for run in runs {
            let room = limit - result.width
            if room <= 0 { break }
            if DisplayWidth.of(run.text) <= room {
                result.append(run.text, run.style)
            } else {
                var cut = ""
                var used = 0
                for character in run.text {
                    let w = DisplayWidth.of(character)
                    if used + w > room { break }
                    cut.append(character)
                    used += w
                }
                result.append(cut, run.style)
            }
        }
        return result
    }

    /// The same text with every run's style passed through `transform` (unstyled runs stay unstyled).
    func restyled(_ transform: (Style) -> Style) -> StyledLine {
        var result = StyledLine()
        for run in runs { result.append(run.text, run.style.map(transform)) }
        return result
    }

    /// The text, with SGR escapes when `color` is set. Trailing unstyled spaces are dropped so
    /// output has no invisible tails (and golden files stay clean).
    func rendered(color: Bool) -> String {
        var pieces = runs
        while let last = pieces.last, last.style == nil || !color {
            let trimmed = String(last.text.reversed().drop { $0 == " " }.reversed())
            if trimmed.isEmpty {
                pieces.removeLast()
                continue
            }
            pieces[pieces.count - 1].text = trimmed
            break
        }
        guard color else { return pieces.map(\.text).joined() }
        return pieces.map { run in
            guard let style = run.style else { return run.text }
            return style.escape + run.text + Style.reset
        }.joined()
    }
}

/// Removes ANSI CSI escape sequences (`ESC [ … letter`), e.g. to measure a coloured line.
func stripANSI(_ text: String) -> String {
    var result = String.UnicodeScalarView()
    var iterator = text.unicodeScalars.makeIterator()
    while let scalar = iterator.next() {
        guard scalar == "\u{1B}" else {
            result.append(scalar)
            continue
        }
        guard iterator.next() == "[" else { continue }
        // Parameters and intermediates run until a final byte in @...~.
        while let code = iterator.next(), !(0x40...0x7E).contains(code.value) {}
    }
    return String(result)
}
