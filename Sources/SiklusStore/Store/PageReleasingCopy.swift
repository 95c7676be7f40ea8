import CMemoryHints

extension UnsafeMutablePointer {
    /// Initialises `count` elements from `source`, a piece of `pieceBytes` at a time, handing each piece's
    /// source pages back to the kernel once it is copied (`siklus_release_pages`): a large buffer moved into
    /// a new array is then held twice only a piece at a time, not whole. The source reads as zeros afterwards
    /// (its partial first and last pages excepted) and must still be freed by its owner.
    /// - Complexity: O(count), plus one `madvise` per piece.
    func initialize(releasingPagesOf source: UnsafePointer<Pointee>, count: Int, pieceBytes: Int = 4 << 20) {
        let piece = Swift.max(1, pieceBytes / MemoryLayout<Pointee>.stride)
        for first in stride(from: 0, to: count, by: piece) {
            let n = Swift.min(piece, count - first)
            (self + first).initialize(from: source + first, count: n)
            siklus_release_pages(UnsafeMutableRawPointer(mutating: source + first), n * MemoryLayout<Pointee>.stride)
        }
    }
}
