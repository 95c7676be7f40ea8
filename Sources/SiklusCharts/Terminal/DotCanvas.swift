/// A grid of character cells drawn as a bitmap of dots, for line charts: braille (2 × 4 fine dots per
/// cell) normally, half blocks (1 × 2 thick dots) in presentation mode. Each cell remembers the series
/// that last drew in it, so a coloured chart can colour cells by series.
protocol DotCanvas {
    /// Size in character cells.
    var columns: Int { get }
    var rows: Int { get }
    /// Dots per cell, across and down.
    var dotsAcross: Int { get }
    var dotsDown: Int { get }

    /// Sets dot (`x`, `y`), origin top-left; dots outside the canvas are ignored.
    mutating func set(x: Int, y: Int, series: Int)
    /// The character of a cell, nil when no dot is set.
    func character(column: Int, row: Int) -> Character?
    /// The series that last drew in a cell.
    func owner(column: Int, row: Int) -> Int?
}

extension DotCanvas {
    /// Size in dots.
    var dotWidth: Int { columns * dotsAcross }
    var dotHeight: Int { rows * dotsDown }

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
}

/// Half-block dots: a cell is one dot wide and two tall (`▀`, `▄`, `█`), so a line is as thick as half
/// a character: readable from the back of a room, where braille's fine dots disappear.
struct BlockCanvas: DotCanvas {
    let columns: Int
    let rows: Int
    var dotsAcross: Int { 1 }
    var dotsDown: Int { 2 }
    /// Bit 1: upper half set, bit 2: lower half.
    private var halves: [UInt8]
    private var owners: [Int?]

    init(columns: Int, rows: Int) {
        precondition(columns > 0 && rows > 0, "a canvas needs at least one cell")
        self.columns = columns
        self.rows = rows
        halves = Array(repeating: 0, count: columns * rows)
        owners = Array(repeating: nil, count: columns * rows)
    }

    mutating func set(x: Int, y: Int, series: Int) {
        guard (0..<dotWidth).contains(x), (0..<dotHeight).contains(y) else { return }
        let cell = (y / 2) * columns + x
        halves[cell] |= y % 2 == 0 ? 1 : 2
        owners[cell] = series
    }

    func character(column: Int, row: Int) -> Character? {
        switch halves[row * columns + column] {
        case 1: return "▀"
        case 2: return "▄"
        case 3: return "█"
        default: return nil
        }
    }

    func owner(column: Int, row: Int) -> Int? { owners[row * columns + column] }
}
