/// Quintile scores and the classic RFM segment map. A score is 1 + ⌊5 · worse / n⌋ where `worse` counts the
/// customers strictly worse on that measure, so 5 is the best fifth and tied customers share the lower
/// quintile. r_score ranks days since the last purchase (T − recency; fewest best), f_score frequency and
/// m_score monetary (most best). The segment reads r_score and fm = ⌊(f_score + m_score) / 2⌋.
enum RFMScores {
    /// The quintile of each value, larger values better (`higherIsBetter`) or smaller.
    /// - Complexity: O(n log n).
    static func quintiles<T: Comparable>(_ values: [T], higherIsBetter: Bool) -> [Int] {
        let n = values.count
        guard n > 0 else { return [] }
        let order = values.indices.sorted { higherIsBetter ? values[$0] < values[$1] : values[$0] > values[$1] }
        var scores = [Int](repeating: 0, count: n)
        var worse = 0
        var i = 0
        while i < n {
            var j = i
            while j < n, values[order[j]] == values[order[i]] { j += 1 }
            let score = 1 + 5 * worse / n
            for k in i..<j { scores[order[k]] = score }
            worse = j
            i = j
        }
        return scores
    }

    /// The segments in the order of LANGUAGE.md's table, with the r_score and fm ranges of each.
    static let segments: [(name: String, r: ClosedRange<Int>, fm: ClosedRange<Int>)] = [
        ("champions", 5...5, 4...5),
        ("loyal", 3...4, 4...5),
        ("potential loyalist", 4...5, 2...3),
        ("new", 5...5, 1...1),
        ("promising", 4...4, 1...1),
        ("needs attention", 3...3, 3...3),
        ("about to sleep", 3...3, 1...2),
        ("at risk", 1...2, 3...4),
        ("can't lose", 1...2, 5...5),
        ("hibernating", 2...2, 1...2),
        ("lost", 1...1, 1...2),
    ]

    /// The segment of a customer's scores (every pair of scores 1…5 has exactly one).
    static func segment(r: Int, f: Int, m: Int) -> String {
        let fm = (f + m) / 2
        guard let match = segments.first(where: { $0.r.contains(r) && $0.fm.contains(fm) }) else {
            preconditionFailure("the segment map covers every score pair: r \(r), fm \(fm)")
        }
        return match.name
    }
}
