#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cuts a gzip file's decompressed text into owned blocks of about `blockBytes`, each ending at a line
/// break outside quotes, so that each block is a whole number of records `ChunkParser` can parse alone.
///
/// The bytes after a block's last record (a partial line) start the next block. A record longer than a block
/// (a long quoted field) grows the block; past `maxBlockBytes` the block is cut at its last line break anyway,
/// and the parser then reports the unterminated quote it finds.
final class GzipBlocks {
    private let inflater: GzipInflater
    /// Kept alive here: the inflater reads its mapping in place.
    private let compressed: MappedFile
    private let path: String
    private let identity: FileIdentity
    let blockBytes: Int
    /// Bytes that end an unquoted field, for telling a quote that opens a field from one inside text: any
    /// sniffer candidate until the delimiter is known (the head block is cut before sniffing), then the delimiter.
    /// Per byte value: `ordinary`, `delimiterByte`, `newlineByte` or `quoteByte` (a raw table: the scan reads it per byte).
    private let classes = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
    private static let ordinary: UInt8 = 0, delimiterByte: UInt8 = 1, newlineByte: UInt8 = 2, quoteByte: UInt8 = 3
    /// The partial record after the last block's split, copied to the start of the next block.
    private var carry: [UInt8] = []
    private var done = false { didSet { if done { mappings.close() } } }
    /// The blocks' memory, reused once a block is parsed.
    private let mappings: BlockMappings

    static let maxBlockBytes = 256 << 20

    init(compressed: MappedFile, blockBytes: Int, delimiter: UInt8? = nil) throws {
        inflater = try GzipInflater(compressed.bytes, path: compressed.path)
        self.compressed = compressed
        path = compressed.path
        identity = compressed.identity
        self.blockBytes = max(64, blockBytes)
        // As many as can be alive at once: the waiting blocks, one per parser, the one being filled (and a spare).
        mappings = BlockMappings(blockBytes: self.blockBytes, limit: 2 * Parallel.width + 2)
        setDelimiter(delimiter)
    }

    deinit { classes.deallocate() }

    /// Splits later blocks by the sniffed delimiter (nil: any candidate, or runs of spaces).
    func setDelimiter(_ delimiter: UInt8?) {
        classes.initialize(repeating: Self.ordinary, count: 256)
        for b in delimiter.map({ [$0] }) ?? CSVSniffer.candidates + [UInt8(ascii: " ")] { classes[Int(b)] = Self.delimiterByte }
        classes[Int(UInt8(ascii: "\n"))] = Self.newlineByte
        classes[Int(UInt8(ascii: "\""))] = Self.quoteByte
    }

    /// Block mappings made so far, the others being reused (a test hook).
    var mappingsMade: Int { mappings.made }

    /// Decompressed bytes per compressed byte so far (estimates the decompressed size from the file's).
    var ratio: Double { inflater.produced > 0 && inflater.compressedOffset > 0 ? Double(inflater.produced) / Double(inflater.compressedOffset) : 4 }

    /// The next block, or nil after the last one.
    func next() throws -> MappedFile? {
        guard !done else { return nil }
        // `capacity` is what the block reads before looking for a split (the mapping may be larger, when reused).
        var capacity = blockBytes + carry.count
        var (buffer, mappedSize) = try mappings.take(capacity, path: path)
        var count = carry.count
        carry.withUnsafeBytes { if !$0.isEmpty { memcpy(buffer, $0.baseAddress!, $0.count) } }
        carry.removeAll(keepingCapacity: true)
        var split: Int?
        var scanned = 0
        var state = QuoteState.fieldStart
        do {
            while true {
                let n = try inflater.read(into: UnsafeMutableRawBufferPointer(start: buffer + count, count: capacity - count))
                count += n
                if n == 0 || count < capacity { done = true; break }
                split = scanForSplit(UnsafeRawBufferPointer(start: buffer, count: count), from: &scanned, state: &state)
                if split != nil { break }
                if capacity >= Self.maxBlockBytes {
                    // No line break outside quotes in 256 MiB: cut at the last line break and let the parser judge the quote.
                    split = UnsafeRawBufferPointer(start: buffer, count: count).lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 }
                    if split != nil { break }
                    throw LoadError(path: path, message: "a line longer than \(Self.maxBlockBytes >> 20) MiB after decompression",
                                    hint: "this is not line-oriented CSV text")
                }
                let grown = try mappings.take(capacity * 2, path: path)
                memcpy(grown.base, buffer, count)
                mappings.give(buffer, size: mappedSize)
                (buffer, mappedSize, capacity) = (grown.base, grown.size, capacity * 2)
            }
        } catch {
            mappings.give(buffer, size: mappedSize)
            throw error
        }
        if let split, split < count {
            carry.append(contentsOf: UnsafeRawBufferPointer(start: buffer + split, count: count - split))
            count = split
        }
        if count == 0 { mappings.give(buffer, size: mappedSize); return done ? nil : try next() }
        let mappings = mappings
        return MappedFile(owningMapping: buffer, count: count, capacity: mappedSize, path: path, identity: identity,
                          release: { base, size in mappings.give(base, size: size) })
    }

    private enum QuoteState { case fieldStart, unquoted, quoted, quoteInQuoted }

    /// The offset just after the last line break in `bytes` that ends a record (outside quotes), scanning on
    /// from `scanned` with the quote state there. A block without quotes (the common case) needs no state
    /// machine: its last line break is the split.
    private func scanForSplit(_ bytes: UnsafeRawBufferPointer, from scanned: inout Int, state: inout QuoteState) -> Int? {
        let base = bytes.baseAddress!.assumingMemoryBound(to: UInt8.self)
        let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n")
        let end = bytes.count
        defer { scanned = end }
        if state != .quoted, state != .quoteInQuoted, memchr(base + scanned, Int32(quote), end - scanned) == nil {
            // Only a line break in the new bytes can be a split: earlier ones were inside quotes, or a split was found.
            if let last = bytes[scanned...].lastIndex(of: newline) { return last + 1 }
            // No record ends here (the block grows): the next bytes start a field after a delimiter, else continue one.
            if scanned < end { state = classes[Int(base[end - 1])] == Self.delimiterByte ? .fieldStart : .unquoted }
            return nil
        }
        // The state machine, with the long stretches (inside quotes, inside an unquoted field) skipped in tight loops.
        var last: Int?
        var i = scanned
        while i < end {
            switch state {
            case .quoted:
                guard let q = memchr(base + i, Int32(quote), end - i) else { i = end; continue }
                i = UnsafeRawPointer(q) - UnsafeRawPointer(base) + 1
                state = .quoteInQuoted
            case .unquoted:
                // A quote inside an unquoted field is text (as `ChunkParser` reads it): only a delimiter or line break ends it.
                while i < end, classes[Int(base[i])] != Self.delimiterByte, base[i] != newline { i += 1 }
                guard i < end else { continue }
                if base[i] == newline { last = i + 1 }
                state = .fieldStart
                i += 1
            case .fieldStart, .quoteInQuoted:
                let kind = classes[Int(base[i])]
                if kind == Self.quoteByte {
                    state = .quoted  // opens a quoted field, or (after a quote inside one) is an escaped ""
                } else if kind == Self.newlineByte {
                    last = i + 1
                    state = .fieldStart
                } else if kind == Self.delimiterByte {
                    state = .fieldStart
                } else {
                    state = .unquoted
                }
                i += 1
            }
        }
        return last
    }
}
