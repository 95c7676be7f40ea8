/// How `EventTable.append` puts the columns into (customer, time) order: straight from each position's row
/// (`RowSegments`), or, for millions of customers, through the blocks of the sort (`BlockedGather`).
/// `order` is the sort's: each position's row, or with blocks its place after the spread.
enum ColumnGather {
    case rows(RowSegments)
    case blocks(BlockedGather)

    /// The column in order: `old` for the old rows, then each chunk's buffer; `release` frees the buffers once
    /// they are read (with blocks, between the spread and the placing in blocks).
    func gather<T>(_ order: [Int32], old: [T], parts: [UnsafeMutablePointer<T>], release: () -> Void) -> [T] {
        switch self {
        case .rows(let segments):
            defer { release() }
            return segments.gather(order, old: old, parts: parts)
        case .blocks(let blocks):
            return blocks.gather(old: old, parts: parts.map { Optional($0) }, missing: nil, local: order, release: release)
        }
    }

    /// As `gather(_:old:parts:release:)`, where chunks without a buffer read as `false`.
    func gather(_ order: [Int32], old: [Bool], optionalParts parts: [UnsafeMutablePointer<Bool>?], release: () -> Void) -> [Bool] {
        switch self {
        case .rows(let segments):
            defer { release() }
            return segments.gather(order, old: old, optionalParts: parts)
        case .blocks(let blocks):
            return blocks.gather(old: old, parts: parts, missing: false, local: order, release: release)
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

    func deallocate() {
        if case .blocks(let blocks) = self { blocks.deallocate() }
    }
}
