import CMemoryHints

/// How `EventTable.append` puts the columns into (customer, time) order: straight from each position's row
/// (`RowSegments`), or, for millions of customers, through the blocks of the sort (`BlockedGather`).
/// `order` is the sort's: each position's row, or with blocks its place after the spread.
enum ColumnGather {
    case rows(RowSegments)
    case blocks(BlockedGather)

    /// The column in order: `old` for the old rows, then each chunk's buffer; `release` frees the buffers once
    /// they are read (with blocks, between the spread and the placing in blocks).
    func gather<T>(_ order: [Int32], old: [T], parts: [UnsafeMutablePointer<T>], release: () -> Void) -> [T] {
        func releaseAll() { release(); Self.returnFreedPages() }
        switch self {
        case .rows(let segments):
            defer { releaseAll() }
            return segments.gather(order, old: old, parts: parts)
        case .blocks(let blocks):
            return blocks.gather(old: old, parts: parts.map { Optional($0) }, missing: nil, local: order, release: releaseAll)
        }
    }

    /// As `gather(_:old:parts:release:)`, where chunks without a buffer read as `false`.
    func gather(_ order: [Int32], old: [Bool], optionalParts parts: [UnsafeMutablePointer<Bool>?], release: () -> Void) -> [Bool] {
        func releaseAll() { release(); Self.returnFreedPages() }
        switch self {
        case .rows(let segments):
            defer { releaseAll() }
            return segments.gather(order, old: old, optionalParts: parts)
        case .blocks(let blocks):
            return blocks.gather(old: old, parts: parts, missing: false, local: order, release: releaseAll)
        }
    }

    /// As `gather(_:old:parts:release:)`, where every new row has the value `constant`.
    func gather<T>(_ order: [Int32], old: [T], constant: T, chunks: Int) -> [T] {
        switch self {
        case .rows(let segments):
            return segments.gather(order, old: old, constant: constant)
        case .blocks(let blocks):
            return blocks.gather(old: old, parts: Array(repeating: nil, count: chunks), missing: constant, local: order, release: {})
        }
    }

    /// Hands the pages of the buffers just freed back to the kernel before the next column's output is written.
    /// Freed chunks smaller than glibc's mmap threshold stay in malloc's heaps, and the threshold rises to the
    /// largest mapping freed (up to 32 MiB): once a few dictionaries of MBs have grown, a gzip file's per-block
    /// buffers (~1.3 MB each at 8 MiB blocks) come from the heaps, and freeing them lowered no peak (5M gzip
    /// peak 1.58 GB, 1.32 GB trimmed; ~0.1 s of trimming). A plain file's few large buffers are mappings: little to trim.
    private static func returnFreedPages() {
        siklus_release_free_heap()
    }

    func deallocate() {
        if case .blocks(let blocks) = self { blocks.deallocate() }
    }
}
