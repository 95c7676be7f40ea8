import SiklusPlan

/// One part's counters of a retention table (row × column cells), fed one entry at a time with that
/// entry's activity runs in ascending period order.
///
/// Runs come in ascending order, so their columns ascend too: the running sum of the current column is
/// added to its cell when the next column starts, with no per-entry array of column sums to clear. A run
/// past the last column ends the entry (or, with `unbounded`, the first qualifying one does). Both the
/// streamed pass of the plain anchors (`RetentionAnchorPass`) and the general pass over `RetentionScan`'s runs
/// (recurring, rolling, `start`) add through it, so they count alike.
struct RetentionTally {
    let width: Int
    private let lastOffset: Int64
    private let columns: RetentionColumns
    private let minEvents: Int
    private let value: LogicalQuery.Retention.Value
    private let unbounded: Bool
    private let countsCustomers: Bool

    /// Entries per row.
    var sizes: [Int64]
    /// Entries per (row, the last column they have reached by as_of).
    var reached: [Int64]
    /// With a value (orders, revenue): the column-0 sums per (row, reached column).
    var base: [Double]
    /// What the entries add per (row, column).
    var cells: [Double]

    // The current entry.
    private var cell = 0, latest = -1, column = -1, sum = 0.0, sum0 = 0.0, pastEnd = false

    init(rows: Int, columns: RetentionColumns, kind: LogicalQuery.Retention.Kind, unbounded: Bool) {
        width = columns.count
        self.columns = columns
        lastOffset = Int64(columns.ends[columns.count - 1])
        minEvents = kind.minEvents
        value = kind.value
        self.unbounded = unbounded
        countsCustomers = kind.value == .customers
        sizes = Array(repeating: 0, count: rows)
        reached = Array(repeating: 0, count: rows * width)
        base = countsCustomers ? [] : Array(repeating: 0, count: rows * width)
        cells = Array(repeating: 0, count: rows * width)
    }

    /// Starts an entry of row `row`.
    @inline(__always)
    mutating func begin(row: Int) {
        sizes[row] += 1
        cell = row * width
        (latest, column, sum, sum0, pastEnd) = (-1, -1, 0, 0, false)
    }

    /// Adds a run of `count` events worth `amount` at period `offset` ≥ 0 of the entry; false when no later
    /// run can change the entry (the caller may stop feeding it).
    @inline(__always)
    mutating func add(offset: Int64, count: Int, amount: Double) -> Bool {
        let qualifies = minEvents <= 1 || count >= minEvents
        if !pastEnd {
            if offset <= lastOffset, let c = columns.column(of: Int(offset)) {
                guard qualifies else { return true }
                latest = c
                if c != column { commitColumn(); column = c; sum = 0 }
                switch value {
                case .customers: sum = 1
                case .orders: sum += Double(count)
                case .revenue: sum += amount
                }
                if c == 0 { sum0 = sum }
                return true
            }
            pastEnd = true
        }
        // Past the last column: only whether one qualifies ("active in the last column or later").
        guard unbounded else { return false }
        if qualifies { latest = width - 1; return false }
        return true
    }

    /// Ends the entry, whose period 0 is `age` periods before as_of's (negative: after it).
    @inline(__always)
    mutating func end(age: Int64) {
        if unbounded {
            if latest >= 0 { for k in 0...latest { cells[cell + k] += 1 } }
        } else {
            commitColumn()
        }
        if let k = columns.reachedColumn(age: age > Int64(Int32.max) ? Int(Int32.max) : Int(age)) {
            reached[cell + k] += 1
            if !countsCustomers { base[cell + k] += sum0 }
        }
    }

    @inline(__always)
    private mutating func commitColumn() {
        if column >= 0 && !unbounded { cells[cell + column] += sum }
        column = -1
    }
}
