/// The period columns of a retention table: one per period offset (0, 1, 2, …, capped by the horizon) or,
/// with `brackets (b1, b2, …)`, period 0 then brackets covering b1, b2, … periods (`1`, `2-7`, `8-30`).
/// Shared by the in-memory engine and the SQL pivot so both number and name columns the same way.
public struct RetentionColumns: Sendable, Equatable {
    /// The first period offset of each column; `starts[0] == 0`.
    public let starts: [Int]
    /// The last period offset of each column (inclusive).
    public let ends: [Int]

    /// The columns for a table whose widest entry has reached period `maxAge` (nil: no entry has an
    /// anchor), under `horizon` or `brackets`. Without brackets there are `maxAge + 1` columns (at
    /// least 1), at most `horizon + 1`.
    public init(maxAge: Int?, horizon: Int?, brackets: [Int]?) {
        if let brackets {
            var starts = [0], ends = [0]
            for size in brackets {
                starts.append(ends[ends.count - 1] + 1)
                ends.append(ends[ends.count - 1] + size)
            }
            self.starts = starts
            self.ends = ends
        } else {
            let width = min(max(0, maxAge ?? 0) + 1, (horizon ?? Int.max - 1) + 1)
            starts = Array(0..<width)
            ends = starts
        }
    }

    /// The number of period columns.
    public var count: Int { starts.count }

    /// The column of period offset `offset` ≥ 0, or nil past the last column.
    /// - Complexity: O(1) without brackets, O(log columns) with them.
    public func column(of offset: Int) -> Int? {
        guard offset >= 0, offset <= ends[ends.count - 1] else { return nil }
        if starts.count == ends.count, ends[ends.count - 1] == starts.count - 1 { return offset }
        var low = 0, high = ends.count - 1
        while low < high {
            let mid = (low + high) / 2
            if ends[mid] < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The column an entry of age `age` (periods from its anchor to as_of) has reached last: the column
    /// holding `age`, the last one past them all, nil before period 0.
    public func reachedColumn(age: Int) -> Int? {
        guard age >= 0 else { return nil }
        return column(of: age) ?? count - 1
    }

    /// The column's name: `3`, or a bracket's range `2-7`.
    public func name(_ column: Int) -> String {
        starts[column] == ends[column] ? String(starts[column]) : "\(starts[column])-\(ends[column])"
    }
}
