/// A grid of braille characters used as a 2 × 4 dot bitmap per cell, for line charts four times
/// finer vertically than character rows. Each cell remembers the series that last drew in it,
/// so a coloured chart can colour cells by series.
struct BrailleCanvas: DotCanvas {
    /// Size in character cells.
    let columns: Int
    let rows: Int
    private var bits: [UInt8]
    private var owners: [Int?]

    var dotsAcross: Int { 2 }
    var dotsDown: Int { 4 }

    init(columns: Int, rows: Int) {
        precondition(columns > 0 && rows > 0, "a canvas needs at least one cell")
        self.columns = columns
        self.rows = rows
        bits = Array(repeating: 0, count: columns * rows)
        owners = Array(repeating: nil, count: columns * rows)
    }

    /// Sets dot (`x`, `y`), origin top-left; dots outside the canvas are ignored.
    mutating func set(x: Int, y: Int, series: Int) {
        guard (0..<dotWidth).contains(x), (0..<dotHeight).contains(y) else { return }
        let cell = (y / 4) * columns + x / 2
        bits[cell] |= BrailleCanvas.bit(dx: x % 2, dy: y % 4)
        owners[cell] = series
    }

    /// The braille character of a cell, nil when no dot is set.
    func character(column: Int, row: Int) -> Character? {
        let value = bits[row * columns + column]
        guard value != 0, let scalar = Unicode.Scalar(0x2800 + UInt32(value)) else { return nil }
        return Character(scalar)
    }

    /// The series that last drew in a cell.
    func owner(column: Int, row: Int) -> Int? { owners[row * columns + column] }

    /// Braille dot numbering: dots 1–3 and 7 down the left column, 4–6 and 8 down the right.
    private static func bit(dx: Int, dy: Int) -> UInt8 {
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
