import Foundation

/// The byte ranges of a plain file's parallel parse, which a core that finishes early splits (issue 16).
///
/// A file is split into one range per core, but the cores need not finish together: the first chunk's dictionary
/// becomes the file's and grows the most, rows differ in length along a file, and on a shared VM one core may be
/// slowed for a while (at 5M customers the two chunks once ended 10–500 ms apart). So each parser claims its
/// range a window at a time and only starts records below what it has claimed; a core whose ranges are done
/// takes the back half of the largest unclaimed remainder, from a line start, as a new range of its own
/// (itself open to the same split). Ranges are merged in file order like any other chunks, so codes and line
/// numbers do not depend on the splits; a split inside a quoted field is caught as any split is (the range
/// before it ends inside quotes, or its last record runs past the split).
final class ChunkClaims: @unchecked Sendable {
    /// One range being parsed: records start below `claimed`; bytes up to `end` belong to it.
    private struct Claim {
        var start: Int
        var claimed: Int
        var end: Int
    }

    private let lock = NSLock()
    private var claims: [Claim]
    private let bytes: UnsafePointer<UInt8>
    /// How far a parser claims ahead of itself at a time.
    let window: Int
    /// Remainders smaller than this are left to their parser: a new range costs a thread's start and a merge.
    let minimumSteal: Int

    /// The file's bytes, and its data split into `ranges` at line starts (one per core).
    init(bytes: UnsafePointer<UInt8>, ranges: [Range<Int>], window: Int = 4 << 20, minimumSteal: Int = 16 << 20) {
        self.bytes = bytes
        claims = ranges.map { Claim(start: $0.lowerBound, claimed: $0.lowerBound, end: $0.upperBound) }
        self.window = window
        self.minimumSteal = max(2, minimumSteal)  // a split then lies past the claim, with a byte before it
    }

    /// The ranges so far (each a chunk's, in the order they were made), for tests.
    var ranges: [Range<Int>] { lock.withLock { claims.map { $0.start..<$0.end } } }
    /// Splits made by every load in this process, for tests to see that a load split its ranges.
    nonisolated(unsafe) static var splitsMade = 0

    /// For the parser of range `index`, at a record start `p` at or past its claim: the new bound for starting
    /// records (`p` itself when the range is done) and the range's end, which a split may have moved down.
    /// - Complexity: O(1).
    func claim(_ index: Int, from p: Int) -> (bound: Int, end: Int) {
        lock.withLock {
            let end = claims[index].end
            let bound = min(end, max(p, claims[index].claimed) + window)
            claims[index].claimed = bound
            return (p < end ? bound : p, end)
        }
    }

    /// Marks range `index` done, whatever is left of it (its parser stopped: at its end, or at an error that
    /// fails the load), so that nothing more is split off it.
    func finish(_ index: Int) {
        lock.withLock { claims[index].claimed = claims[index].end }
    }

    /// Splits off the back half of the largest unclaimed remainder as a new range, when one is worth it: its
    /// index and bytes.
    /// - Complexity: O(ranges + the bytes to the next line break).
    func steal() -> (index: Int, range: Range<Int>)? {
        lock.withLock {
            guard let largest = claims.indices.max(by: { claims[$0].end - claims[$0].claimed < claims[$1].end - claims[$1].claimed }),
                  claims[largest].end - claims[largest].claimed >= minimumSteal else { return nil }
            let claim = claims[largest]
            // The first line start after the middle of the remainder: at or past `claimed`, so the owner, which
            // starts no record from there, parses up to the line break before it.
            var split = claim.claimed + (claim.end - claim.claimed) / 2
            while split < claim.end, bytes[split - 1] != UInt8(ascii: "\n") { split += 1 }
            guard split < claim.end else { return nil }
            claims[largest].end = split
            claims.append(Claim(start: split, claimed: split, end: claim.end))
            Self.splitsMade += 1
            return (claims.count - 1, split..<claim.end)
        }
    }
}
