/// A grid of character cells drawn as a bitmap of dots, for line charts: braille (2 × 4 fine dots per
/// cell) normally, half blocks (1 × 2 thick dots) in presentation mode. Each cell remembers the series
/// that last drew in it, so a coloured chart can colour cells by series.
struct DotCanvas {
    /// How a cell is cut into dots.
    enum Dots {
        /// Braille: 2 × 4 dots per cell, four times finer vertically than character rows.
        case braille
        /// Half blocks (`▀`, `▄`, `█`): 1 × 2 dots, a line as thick as half a character, readable from
        /// the back of a room, where braille's fine dots disappear.
        case halfBlocks
    }

    /// Size in character cells.
    let columns: Int
    let rows: Int
    let dots: Dots
    /// Per cell, the dots set: braille's bit pattern, or bit 1 upper half and bit 2 lower half.
    private var bits: [UInt8]
    private var owners: [Int?]

    init(columns: Int, rows: Int, dots: Dots) {
        precondition(columns > 0 && rows > 0, "a canvas needs at least one cell")
        self.columns = columns
        self.rows = rows
        self.dots = dots
        bits = Array(repeating: 0, count: columns * rows)
        owners = Array(repeating: nil, count: columns * rows)
    }

    /// Dots per cell, across and down.
    var dotsAcross: Int { dots == .braille ? 2 : 1 }
    var dotsDown: Int { dots == .braille ? 4 : 2 }
    /// Size in dots.
    var dotWidth: Int { columns * dotsAcross }
    var dotHeight: Int { rows * dotsDown }

    /// Sets dot (`x`, `y`), origin top-left; dots outside the canvas are ignored.
    mutating func set(x: Int, y: Int, series: Int) {
        guard (0..<dotWidth).contains(x), (0..<dotHeight).contains(y) else { return }
        let cell = (y / dotsDown) * columns + x / dotsAcross
        switch dots {
        case .braille: bits[cell] |= Self.brailleBit(dx: x % 2, dy: y % 4)
        case .halfBlocks: bits[cell] |= y % 2 == 0 ? 1 : 2
        }
        owners[cell] = series
    }

    /// Draws a straight line of dots between two points (Bresenham).
    mutating func line(from start: (x: Int, y: Int), to end: (x: Int, y: Int), series: Int) {
        var (x, y) = start
        let dx = abs(end.x - x), dy = -abs(end.y - y)
        let sx = x < end.x ? 1 : -1, sy = y < end.y ? 1 : -1
        var error = dx + dy
        while true {
            set(x: x, y: y, series: series)
            if x == end.x && y == end.y { break }
            let doubled = 2 * error
            if doubled >= dy { error += dy; x += sx }
            if doubled <= dx { error += dx; y += sy }
        }
    }

    /// The character of a cell, nil when no dot is set.
    func character(column: Int, row: Int) -> Character? {
        let value = bits[row * columns + column]
        guard value != 0 else { return nil }
        switch dots {
        case .braille: return Unicode.Scalar(0x2800 + UInt32(value)).map(Character.init)
        case .halfBlocks: return value == 1 ? "▀" : value == 2 ? "▄" : "█"
        }
    }

    /// The series that last drew in a cell.
    func owner(column: Int, row: Int) -> Int? { owners[row * columns + column] }

    /// Braille dot numbering: dots 1–3 and 7 down the left column, 4–6 and 8 down the right.
    private static func brailleBit(dx: Int, dy: Int) -> UInt8 {
        switch (dx, dy) {
        case (0, 0): return 0x01
        case (0, 1): return 0x02
        case (0, 2): return 0x04
        case (0, 3): return 0x40
        case (1, 0): return 0x08
        case (1, 1): return 0x10
        case (1, 2): return 0x20
        default: return 0x80
        }
    }
}
