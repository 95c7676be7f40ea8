import Foundation

/// Gzip-compressed files: one thread decompresses into bounded blocks cut at record boundaries
/// (`GzipBlocks`) while the other cores parse the blocks as they come, each with `ChunkParser` as if it
/// were a chunk of a plain file. The whole decompressed file is never held in memory: at most
/// `Parallel.width` blocks wait, plus one being filled and one per parser.
extension CSVLoader {
    /// Decompressed bytes per block (`LoadOptions.gzipBlockBytes` in tests, to split small fixtures).
    var gzipBlockBytes: Int { options.gzipBlockBytes }

    /// Parses every block of a gzip file, in file order; `head` is the first block when it was already
    /// decompressed (for sniffing), else decompression starts again from the beginning.
    ///
    /// - Complexity: O(decompressed bytes), one decompression pass; memory O(block size × cores) beyond the columns.
    func parseGzip(_ blocks: GzipBlocks, head: MappedFile?, plan: LoadPlan, store: Store) throws -> [ChunkResult] {
        // `singleThreaded` still decompresses on its own thread, but parses on one.
        let parsers = options.singleThreaded ? 1 : Parallel.width
        let queue = BlockQueue(capacity: parsers)
        let producerDone = DispatchSemaphore(value: 0)
        let producer = SendableBox((blocks, head))
        let thread = Thread {
            var failure: Error?
            do {
                var more = true
                if let head = producer.value.1 { more = queue.put(head) }
                while more, let block = try producer.value.0.next() { more = queue.put(block) }
            } catch { failure = error }
            queue.finish(error: failure)
            producerDone.signal()
        }
        thread.start()

        let slots = ChunkSlots()
        let globals = (store.customerIDs, store.strings)
        let dataStart = plan.dialect.dataStart
        _ = Parallel.map(parsers) { _ in
            // After the first block (which interns into the globals), each thread's blocks share one pair of
            // dictionaries, held by the first of them: an id met again in a later block is found, not added
            // again and merged again (at 5M customers in time order, 18M ids merged from 120 dictionaries of
            // their own, against ~9M).
            var shared: (owner: Int, dictionaries: ChunkDictionaries)?
            while let (k, block) = queue.take() {
                let parser = ChunkParser(file: block, range: (k == 0 ? dataStart : 0)..<block.count, plan: plan,
                                         globalCustomers: globals.0, globalStrings: globals.1, ownsDictionaries: k == 0)
                var result: ChunkResult
                if k == 0 {
                    result = parser.parse()
                } else {
                    if shared == nil { shared = (k, ChunkDictionaries(customers: StringDictionary(), strings: StringDictionary())) }
                    result = parser.parse(continuing: &shared!.dictionaries)
                    result.dictionaryOwner = shared!.owner
                }
                // A structural error ends the load: the blocks after it need not be decompressed.
                if result.fatal != nil { queue.cancel() }
                slots.set(k, result)
            }
            if let shared { slots.give(shared.dictionaries, to: shared.owner) }
        }
        producerDone.wait()
        var chunks = slots.ordered()
        if let failure = queue.failure {
            for i in chunks.indices { chunks[i].deallocate() }
            throw failure
        }
        // After a cancel some blocks were never parsed: keep the chunks up to the first failure (reported by the caller).
        if let firstFatal = chunks.firstIndex(where: { $0.fatal != nil }) {
            for i in chunks.indices.dropFirst(firstFatal + 1) { chunks[i].deallocate() }
            chunks.removeSubrange((firstFatal + 1)...)
        }
        return chunks
    }
}

/// Parsed blocks by number, filled by the parser threads in any order.
private final class ChunkSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var chunks: [Int: ChunkResult] = [:]

    func set(_ k: Int, _ chunk: ChunkResult) {
        lock.lock()
        chunks[k] = chunk
        lock.unlock()
    }

    /// Hands the dictionaries a thread's blocks shared to the first of them (`ChunkResult.dictionaryOwner`).
    func give(_ dictionaries: ChunkDictionaries, to owner: Int) {
        lock.lock()
        chunks[owner]!.customers = dictionaries.customers
        chunks[owner]!.strings = dictionaries.strings
        lock.unlock()
    }

    /// The chunks in block order, stopping at the first missing block (never parsed after a cancel).
    func ordered() -> [ChunkResult] {
        lock.lock()
        defer { lock.unlock() }
        var result: [ChunkResult] = []
        var k = 0
        while let chunk = chunks.removeValue(forKey: k) { result.append(chunk); k += 1 }
        for var rest in chunks.values { rest.deallocate() }
        chunks.removeAll()
        return result
    }
}
