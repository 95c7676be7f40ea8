import SiklusStore

extension Parallel {
    /// `0..<count` cut into up to four ranges per core (fewer when `count` is small), which the cores take
    /// as they free up.
    ///
    /// One range per core finishes when the slowest core does: on a machine shared with other work one core
    /// is often late, and a cold query's scans (issue 16) then waited for it. Smaller ranges let the core that
    /// finishes first take more; each still holds thousands of customers, so the per-range cost (a tally or a
    /// summary) stays negligible.
    static func balancedRanges(_ count: Int, minimumPerPart: Int = 8192) -> [Range<Int>] {
        let parts = max(1, min(width * 4, count / max(1, minimumPerPart)))
        return (0..<parts).map { k in (count * k / parts)..<(count * (k + 1) / parts) }
    }
}
