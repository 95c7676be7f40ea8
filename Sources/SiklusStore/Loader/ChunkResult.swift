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
    /// The codes the chunk added to its dictionaries: all of them, unless it shared them with other chunks.
    var customerCodes: Range<Int>
    var stringCodes: Range<Int>
    /// The chunk holding this chunk's dictionaries when they were shared (a gzip file's blocks parsed by one
    /// thread after the first intern into one pair of dictionaries); nil when they are its own.
    var dictionaryOwner: Int?
    var skips: [LoadReport.SkipReason: SkipTally]
    /// Rows skipped for a value that does not fit its column, by column index.
    var badValues: [Int: SkipTally] = [:]
    /// Rows with an empty customer id.
    var emptyCustomer = SkipTally()
    /// Newlines in the chunk (to turn chunk-relative lines into file lines).
    var lines: Int
    /// A structural error (unterminated quote, NUL byte) that makes the file unreadable.
    var fatal: ChunkFailure?

    init(buffers: [ColumnBuffer], rows: Int, customers: StringDictionary, strings: StringDictionary, customerCodes: Range<Int>,
         stringCodes: Range<Int>, dictionaryOwner: Int? = nil, skips: [LoadReport.SkipReason: SkipTally], badValues: [Int: SkipTally],
         emptyCustomer: SkipTally, lines: Int, fatal: ChunkFailure?) {
        (self.buffers, self.rows, self.customers, self.strings) = (buffers, rows, customers, strings)
        (self.customerCodes, self.stringCodes, self.dictionaryOwner) = (customerCodes, stringCodes, dictionaryOwner)
        (self.skips, self.badValues, self.emptyCustomer, self.lines, self.fatal) = (skips, badValues, emptyCustomer, lines, fatal)
    }

    mutating func deallocate() {
        for i in buffers.indices { buffers[i].deallocate() }
    }
}

/// The dictionaries a chunk interns into, carried from chunk to chunk when they are shared.
struct ChunkDictionaries {
    var customers: StringDictionary
    var strings: StringDictionary
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
