import CIsal

/// Decompresses gzip data held in memory (a mapped `.gz` file) into caller-provided buffers, a piece at a time,
/// with Intel's ISA-L (`isal_inflate`: about 3× zlib's speed here, and the decompressing thread bounds a
/// streamed load; see docs/ARCHITECTURE.md).
///
/// Concatenated members (`cat a.gz b.gz`, or what `pigz`/`bgzip` write) are read one after the other as one
/// stream, as `gunzip` does; zero padding after the last member is ignored. Each member's CRC-32 and length
/// are checked against its trailer. Corrupt data, a truncated file and other bytes after the last member are
/// `LoadError`s naming the file.
final class GzipInflater {
    /// ISA-L's state (~20 KB of tables), at a fixed address.
    private let state = UnsafeMutablePointer<inflate_state>.allocate(capacity: 1)
    private let input: UnsafeRawBufferPointer
    private let path: String
    /// Offset of the next compressed byte not yet handed to ISA-L.
    private var consumed = 0
    private var finished = false
    /// Bytes written so far (for the ratio that sizes the column buffers).
    private(set) var produced = 0

    /// The first two bytes of every gzip member (RFC 1952); the same test as `siklus FILE`'s sniffing.
    static func isGzip(_ bytes: UnsafeRawBufferPointer) -> Bool {
        DataFileNames.isGzip(bytes)
    }

    /// How far into the compressed bytes ISA-L has read.
    var compressedOffset: Int {
        guard let next = state.pointee.next_in, let base = input.baseAddress else { return 0 }
        return UnsafeRawPointer(next) - base
    }

    init(_ input: UnsafeRawBufferPointer, path: String) {
        self.input = input
        self.path = path
        state.initialize(to: inflate_state())
        startMember()
    }

    deinit { state.deallocate() }

    /// A gzip wrapper (header parsed, CRC-32 and length checked at the trailer), not raw deflate.
    private func startMember() {
        isal_inflate_init(state)
        state.pointee.crc_flag = UInt32(ISAL_GZIP)
    }

    /// Fills `buffer` with the next decompressed bytes; returns how many (fewer than its size only at the end, 0 once done).
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        var filled = 0
        while filled < buffer.count, !finished {
            if state.pointee.avail_in == 0, consumed < input.count {
                // avail_in is 32 bits: files over 4 GiB are fed in pieces.
                let piece = min(input.count - consumed, 1 << 30)
                state.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress!.assumingMemoryBound(to: UInt8.self) + consumed)
                state.pointee.avail_in = UInt32(piece)
                consumed += piece
            }
            state.pointee.next_out = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self) + filled
            state.pointee.avail_out = UInt32(min(buffer.count - filled, Int(UInt32.max)))
            let before = Int(state.pointee.avail_out)
            let status = isal_inflate(state)
            let wrote = before - Int(state.pointee.avail_out)
            filled += wrote
            guard status >= 0 else {
                throw LoadError(path: path, message: "corrupt gzip data after \(produced + filled) decompressed bytes: \(Self.reason(status))",
                                hint: "the file is damaged; fetch it again (gzip -t checks it)")
            }
            if state.pointee.block_state == ISAL_BLOCK_FINISH {
                try startNextMember()
            } else if wrote == 0, state.pointee.avail_in == 0, consumed == input.count {
                // Every byte read, the member not finished, and nothing more came out.
                throw LoadError(path: path, message: "the gzip file is truncated: it ends in the middle of compressed data",
                                hint: "the download or copy was cut short; fetch the file again (gzip -t checks it)")
            }
        }
        produced += filled
        return filled
    }

    /// zlib's words for ISA-L's errors (what `gzip -t` says).
    private static func reason(_ status: Int32) -> String {
        switch status {
        case ISAL_INVALID_BLOCK: return "invalid block type"
        case ISAL_INVALID_SYMBOL: return "invalid code"
        case ISAL_INVALID_LOOKBACK: return "invalid distance too far back"
        case ISAL_INVALID_WRAPPER: return "incorrect header check"
        case ISAL_UNSUPPORTED_METHOD: return "unknown compression method"
        case ISAL_INCORRECT_CHECKSUM: return "incorrect data check"
        default: return "ISA-L error \(status)"
        }
    }

    /// At the end of a member: another member follows, or only zero padding (then the stream is done).
    private func startNextMember() throws {
        let rest = UnsafeRawBufferPointer(start: state.pointee.next_in, count: Int(state.pointee.avail_in))
        let remaining = rest.count + (input.count - consumed)
        if remaining == 0 { finished = true; return }
        let next = rest.count > 0 ? rest : UnsafeRawBufferPointer(rebasing: input[consumed...])
        if Self.isGzip(next) {
            // A fresh state reads the next member's header; the unread input carries over.
            let (pending, left) = (state.pointee.next_in, state.pointee.avail_in)
            startMember()
            (state.pointee.next_in, state.pointee.avail_in) = (pending, left)
            return
        }
        let tail = UnsafeRawBufferPointer(rebasing: input[(input.count - remaining)...])
        guard tail.allSatisfy({ $0 == 0 }) else {
            throw LoadError(path: path, message: "the gzip file has \(remaining) bytes after its compressed data that are not gzip",
                            hint: "the file is damaged or not a plain .gz; check it with gzip -t")
        }
        finished = true
    }
}
