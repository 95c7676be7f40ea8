/// Rows skipped in a chunk for one reason.
struct SkipTally: Sendable {
    var count = 0
    /// Chunk-relative (0-based) physical lines and byte columns of the first few.
    var first: [(line: Int, column: Int)] = []

    mutating func add(line: Int, column: Int) {
        count += 1
        if first.count < 5 { first.append((line, column)) }
    }
}

/// What one chunk of a file parsed into.
struct ChunkResult: @unchecked Sendable {
    var buffers: [ColumnBuffer]
    var rows: Int
    /// Chunk 0 interns into a copy of the global dictionaries (its codes are final); other chunks only
    /// look the globals up and intern misses locally, as negative codes resolved at merge.
    var customers: StringDictionary
    var strings: StringDictionary
    var skips: [LoadReport.SkipReason: SkipTally]
    /// Rows skipped for a value that does not fit its column, by column index.
    var badValues: [Int: SkipTally] = [:]
    /// Rows with an empty customer id.
    var emptyCustomer = SkipTally()
    /// Newlines in the chunk (to turn chunk-relative lines into file lines).
    var lines: Int
    /// A structural error (unterminated quote, NUL byte) that makes the file unreadable.
    var fatal: ChunkFailure?

    mutating func deallocate() {
        for i in buffers.indices { buffers[i].deallocate() }
    }
}

/// A structural error in a chunk, at a chunk-relative (0-based) line and a 1-based byte column.
struct ChunkFailure: Sendable {
    var line: Int
    var column: Int
    var problem: LoadError.Problem
    /// The fix, given the file's name (so a command in it names the real file).
    var help: @Sendable (_ fileName: String) -> LoadError.Help
    /// An unterminated quote in a chunk before the last may be a quoted field the split cut in two:
    /// the file is then parsed again on one thread before the error is believed.
    var mayBeASplitQuote = false
}
