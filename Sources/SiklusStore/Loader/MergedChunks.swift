/// The chunks of one file joined: final dictionaries, per-chunk code remaps, file-level line numbers.
struct MergedChunks {
    private var chunks: [ChunkResult]
    var customers: StringDictionary
    var strings: StringDictionary
    /// Per chunk: local code → final code (chunk 0 interned into the final dictionaries directly).
    private(set) var customerRemaps: [[Int32]]
    private(set) var stringRemaps: [[Int32]]
    let rows: Int
    /// The chunks' own dictionary tables, merged and no longer needed: their pages become the first arrays
    /// the events' index writes (`EventTable.append`), or go back when the load is done with them.
    let recycling = RecycledPages()
    /// Skipped rows by reason, with file line numbers.
    let skips: [LoadReport.SkipReason: SkipTally]
    let emptyCustomer: SkipTally

    var customerRemap: Int { 0 }
    var stringRemap: Int { 1 }
    /// Beyond this many chunks the final dictionary is sized from an estimate of the distinct ids (a plain
    /// file has one chunk per core, and its second chunk's merge grows the dictionary once).
    static let chunksToEstimate = 8

    init(chunks: consuming [ChunkResult], dataLine: Int, customers global: StringDictionary, strings globalStrings: StringDictionary) {
        // Chunk 0's dictionaries become the final ones. They are moved out of the chunk, not copied: a second
        // reference would make the first insertion copy a million-entry dictionary (copy on write).
        var customers = global, strings = globalStrings
        if !chunks.isEmpty {
            swap(&customers, &chunks[0].customers)
            swap(&strings, &chunks[0].strings)
        }
        var customerRemaps: [[Int32]] = [[]], stringRemaps: [[Int32]] = [[]]
        if chunks.count > Self.chunksToEstimate {
            // Many chunks (a gzip file's blocks): the final dictionary is sized once, not doubled merge after merge.
            var estimate = 0
            do {
                // (Scoped: these references must be gone before the dictionaries are written, or each would be copied.)
                var dictionaries = [customers]
                for k in chunks.indices.dropFirst() { dictionaries.append(chunks[k].customers) }
                estimate = DistinctStringEstimate(dictionaries).count
            }
            let bytesPerID = customers.count > 0 ? max(1, customers.arena.count / customers.count) : 8
            // A little under the estimate: over it, a table just past a power of two would be twice the size.
            let expected = max(customers.count, estimate * 98 / 100)
            customers.reserveForMerge(expected, bytes: expected * bytesPerID)
        }
        // Chunks merge in file order, so codes go to strings in the order the file first has them. A chunk that
        // shared its owner's dictionaries merges the strings it added to them, and reads them through the owner's
        // remap (complete once every chunk is merged).
        var sharedCustomerRemaps = [[Int32]](repeating: [], count: chunks.count)
        var sharedStringRemaps = [[Int32]](repeating: [], count: chunks.count)
        for k in chunks.indices.dropFirst() {
            guard let owner = chunks[k].dictionaryOwner else {
                customerRemaps.append(customers.mergeConcurrently(chunks[k].customers))
                stringRemaps.append(strings.merge(chunks[k].strings))
                // Chunk-local dictionaries are no longer needed once remapped.
                chunks[k].customers.recycle(into: recycling)
                chunks[k].strings.recycle(into: recycling)
                continue
            }
            precondition(owner <= k && chunks[owner].dictionaryOwner == owner, "a chunk shares the dictionaries of an earlier owner")
            let added = (customers: chunks[owner].customers.mergeSource(codes: chunks[k].customerCodes),
                         strings: chunks[owner].strings.mergeSource(codes: chunks[k].stringCodes))
            sharedCustomerRemaps[owner].append(contentsOf: customers.mergeConcurrently(added.customers))
            sharedStringRemaps[owner].append(contentsOf: strings.merge(added.strings))
            customerRemaps.append([])
            stringRemaps.append([])
        }
        for k in chunks.indices.dropFirst() {
            guard let owner = chunks[k].dictionaryOwner else { continue }
            (customerRemaps[k], stringRemaps[k]) = (sharedCustomerRemaps[owner], sharedStringRemaps[owner])
            // The owner's dictionaries are no longer needed once every chunk sharing them is merged.
            chunks[owner].customers.recycle(into: recycling)
            chunks[owner].strings.recycle(into: recycling)
        }
        self.chunks = chunks
        self.customers = customers
        self.strings = strings
        self.customerRemaps = customerRemaps
        self.stringRemaps = stringRemaps
        rows = chunks.reduce(0) { $0 + $1.rows }

        var skips: [LoadReport.SkipReason: SkipTally] = [:]
        var empty = SkipTally()
        var line = dataLine
        func shifted(_ tally: SkipTally, by offset: Int, into total: inout SkipTally) {
            total.count += tally.count
            for entry in tally.first where total.first.count < 5 { total.first.append((entry.line + offset, entry.column)) }
        }
        for chunk in chunks {
            for (reason, tally) in chunk.skips { shifted(tally, by: line, into: &skips[reason, default: SkipTally()]) }
            shifted(chunk.emptyCustomer, by: line, into: &empty)
            line += chunk.lines
        }
        self.skips = skips
        self.emptyCustomer = empty
    }

    /// Column `i` of all chunks, concatenated in file order (codes must be final: `finalizeCodes`).
    func column(_ i: Int) -> (ColumnData, [Bool]?) {
        let parts = chunks.map { $0.buffers[i].data(count: $0.rows) }
        guard parts.count > 1 else { return parts.first ?? (.code([]), nil) }
        let anyNulls = parts.contains { $0.1 != nil }
        let nulls: [Bool]? = anyNulls ? parts.flatMap { $0.1 ?? Array(repeating: false, count: $0.0.count) } : nil
        switch parts[0].0 {
        case .int64: return (.int64(parts.flatMap { part -> [Int64] in if case .int64(let v) = part.0 { return v }; return [] }), nulls)
        case .double: return (.double(parts.flatMap { part -> [Double] in if case .double(let v) = part.0 { return v }; return [] }), nulls)
        case .code: return (.code(parts.flatMap { part -> [Int32] in if case .code(let v) = part.0 { return v }; return [] }), nil)
        }
    }

    /// Rows of each chunk.
    var rowCounts: [Int] { chunks.map(\.rows) }

    /// Rewrites column `i`'s local (negative) codes to final codes in place.
    mutating func finalizeCodes(column i: Int, remap: Int) {
        for (k, chunk) in chunks.enumerated() {
            guard let codes = chunk.buffers[i].codes else { continue }
            let table = remap == customerRemap ? customerRemaps[k] : stringRemaps[k]
            guard !table.isEmpty else { continue }  // chunk 0 interned into the final dictionary directly
            let target = SendableBox(codes)
            Parallel.forEach(Parallel.ranges(chunk.rows, minimumPerPart: 1 << 16)) { rows in
                for r in rows where target.value[r] < -1 { target.value[r] = table[Int(-2 - target.value[r])] }
            }
        }
    }

    /// Frees the code remaps once every code column is final (4 bytes per id of each chunk after the first).
    mutating func dropRemaps() {
        customerRemaps = customerRemaps.map { _ in [] }
        stringRemaps = stringRemaps.map { _ in [] }
    }

    /// Column `i`'s raw buffers, one per chunk (valid until released).
    func buffers(column i: Int) -> [ColumnBuffer] { chunks.map { $0.buffers[i] } }

    /// Hands column `i`'s buffers to the caller, who must deallocate them.
    mutating func disown(column i: Int) -> [ColumnBuffer] {
        defer { for k in chunks.indices { chunks[k].buffers[i] = ColumnBuffer(kind: .skip, capacity: 0) } }
        return buffers(column: i)
    }

    /// Frees the raw buffers of column `i` once it has been copied out.
    mutating func release(column i: Int) {
        for k in chunks.indices { chunks[k].buffers[i].deallocate() }
    }

    mutating func deallocate() {
        recycling.drain()
        for k in chunks.indices { chunks[k].deallocate() }
    }
}
