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
    private var delimiters = [Bool](repeating: false, count: 256)
    /// The partial record after the last block's split, copied to the start of the next block.
    private var carry: [UInt8] = []
    private var done = false

    static let maxBlockBytes = 256 << 20

    init(compressed: MappedFile, blockBytes: Int, delimiter: UInt8? = nil) throws {
        inflater = try GzipInflater(compressed.bytes, path: compressed.path)
        self.compressed = compressed
        path = compressed.path
        identity = compressed.identity
        self.blockBytes = max(64, blockBytes)
        setDelimiter(delimiter)
    }

    /// Splits later blocks by the sniffed delimiter (nil: any candidate, or runs of spaces).
    func setDelimiter(_ delimiter: UInt8?) {
        for b in 0..<256 { delimiters[b] = false }
        for b in delimiter.map({ [$0] }) ?? CSVSniffer.candidates + [UInt8(ascii: " ")] { delimiters[Int(b)] = true }
    }

    /// Decompressed bytes per compressed byte so far (estimates the decompressed size from the file's).
    var ratio: Double { inflater.produced > 0 && inflater.compressedOffset > 0 ? Double(inflater.produced) / Double(inflater.compressedOffset) : 4 }

    /// The next block, or nil after the last one.
    func next() throws -> MappedFile? {
        guard !done else { return nil }
        var capacity = blockBytes + carry.count
        var buffer = try Self.map(capacity, path: path)
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
                let grown = try Self.map(capacity * 2, path: path)
                memcpy(grown, buffer, count)
                munmap(buffer, capacity)
                (buffer, capacity) = (grown, capacity * 2)
            }
        } catch {
            munmap(buffer, capacity)
            throw error
        }
        if let split, split < count {
            carry.append(contentsOf: UnsafeRawBufferPointer(start: buffer + split, count: count - split))
            count = split
        }
        if count == 0 { munmap(buffer, capacity); return done ? nil : try next() }
        return MappedFile(owningMapping: buffer, count: count, capacity: capacity, path: path, identity: identity)
    }

    /// An anonymous mapping of `bytes` (see `MappedFile.init(owningMapping:)` for why not `malloc`).
    private static func map(_ bytes: Int, path: String) throws -> UnsafeMutableRawPointer {
        guard let mapped = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), mapped != MAP_FAILED else {
            throw LoadError(path: path, message: "out of memory decompressing the file (\(bytes >> 20) MiB block)")
        }
        return mapped
    }

    private enum QuoteState { case fieldStart, unquoted, quoted, quoteInQuoted }

    /// The offset just after the last line break in `bytes` that ends a record (outside quotes), scanning on
    /// from `scanned` with the quote state there. A block without quotes (the common case) needs no state
    /// machine: its last line break is the split.
    private func scanForSplit(_ bytes: UnsafeRawBufferPointer, from scanned: inout Int, state: inout QuoteState) -> Int? {
        let base = bytes.baseAddress!.assumingMemoryBound(to: UInt8.self)
        let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n")
        if state != .quoted, state != .quoteInQuoted, memchr(base + scanned, Int32(quote), bytes.count - scanned) == nil {
            defer { scanned = bytes.count }
            // Only a line break in the new bytes can be a split: earlier ones were inside quotes, or a split was found.
            if let last = bytes[scanned...].lastIndex(of: newline) { return last + 1 }
            // No record ends here (the block grows): the next bytes start a field after a delimiter, else continue one.
            if let last = bytes.last, scanned < bytes.count { state = delimiters[Int(last)] ? .fieldStart : .unquoted }
            return nil
        }
        var last: Int?
        for i in scanned..<bytes.count {
            let b = base[i]
            switch state {
            case .fieldStart:
                if b == quote { state = .quoted } else if b == newline { last = i + 1 } else if !delimiters[Int(b)] { state = .unquoted }
            case .unquoted:
                if b == newline { last = i + 1; state = .fieldStart } else if delimiters[Int(b)] { state = .fieldStart }
            case .quoted:
                if b == quote { state = .quoteInQuoted }
            case .quoteInQuoted:
                if b == quote { state = .quoted } else if b == newline { last = i + 1; state = .fieldStart } else if delimiters[Int(b)] { state = .fieldStart } else { state = .unquoted }
            }
        }
        scanned = bytes.count
        return last
    }
}
