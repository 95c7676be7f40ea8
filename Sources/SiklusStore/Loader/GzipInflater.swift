import CZlib

/// Decompresses gzip data held in memory (a mapped `.gz` file) into caller-provided buffers, a piece at a time.
///
/// Concatenated members (`cat a.gz b.gz`, or what `pigz`/`bgzip` write) are read one after the other as one
/// stream, as `gunzip` does; zero padding after the last member is ignored. Corrupt data, a truncated file
/// and other bytes after the last member are `LoadError`s naming the file.
final class GzipInflater {
    private var stream = z_stream()
    private let input: UnsafeRawBufferPointer
    private let path: String
    /// Offset of the next compressed byte not yet handed to zlib.
    private var consumed = 0
    private var finished = false
    /// Bytes written so far (for the ratio that sizes the column buffers).
    private(set) var produced = 0

    /// The first two bytes of every gzip member (RFC 1952); the same test as `siklus FILE`'s sniffing.
    static func isGzip(_ bytes: UnsafeRawBufferPointer) -> Bool {
        DataFileNames.isGzip(bytes)
    }

    /// How far into the compressed bytes zlib has read.
    var compressedOffset: Int {
        guard let next = stream.next_in, let base = input.baseAddress else { return 0 }
        return UnsafeRawPointer(next) - base
    }

    init(_ input: UnsafeRawBufferPointer, path: String) throws {
        self.input = input
        self.path = path
        // 15 + 16: a gzip wrapper (not zlib or raw deflate), with the largest window.
        let status = inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            throw LoadError(path: path, message: "cannot start gzip decompression (zlib error \(status))")
        }
    }

    deinit { inflateEnd(&stream) }

    /// Fills `buffer` with the next decompressed bytes; returns how many (fewer than its size only at the end, 0 once done).
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        var filled = 0
        while filled < buffer.count, !finished {
            if stream.avail_in == 0 {
                guard consumed < input.count else {
                    throw LoadError(path: path, message: "the gzip file is truncated: it ends in the middle of compressed data",
                                    hint: "the download or copy was cut short; fetch the file again (gzip -t checks it)")
                }
                // avail_in is 32 bits: files over 4 GiB are fed in pieces.
                let piece = min(input.count - consumed, 1 << 30)
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress!.assumingMemoryBound(to: UInt8.self) + consumed)
                stream.avail_in = UInt32(piece)
                consumed += piece
            }
            stream.next_out = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self) + filled
            stream.avail_out = UInt32(min(buffer.count - filled, Int(UInt32.max)))
            let before = Int(stream.avail_out)
            let status = inflate(&stream, Z_NO_FLUSH)
            filled += before - Int(stream.avail_out)
            switch status {
            case Z_OK, Z_BUF_ERROR:
                continue
            case Z_STREAM_END:
                try startNextMember()
            default:
                let reason = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                throw LoadError(path: path, message: "corrupt gzip data after \(produced + filled) decompressed bytes: \(reason)",
                                hint: "the file is damaged; fetch it again (gzip -t checks it)")
            }
        }
        produced += filled
        return filled
    }

    /// At the end of a member: another member follows, or only zero padding (then the stream is done).
    private func startNextMember() throws {
        let rest = UnsafeRawBufferPointer(start: stream.next_in, count: Int(stream.avail_in))
        let remaining = rest.count + (input.count - consumed)
        if remaining == 0 { finished = true; return }
        let next = rest.count > 0 ? rest : UnsafeRawBufferPointer(rebasing: input[consumed...])
        if Self.isGzip(next) {
            inflateReset(&stream)
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
