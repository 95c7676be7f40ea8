#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Structural checks of the parser: NUL bytes (binary data), quoted fields that swallow rows, and line
/// endings that switch to a carriage return alone. Out of line; the last two are only reached from a
/// multi-line or huge quoted field, or a row with the wrong field count, so the fast path pays nothing.
extension ChunkParser {
    /// The offset of the first NUL byte in `from..<to`, if any (`memchr`: many GB/s on pages just mapped).
    @inline(never)
    static func firstNUL(_ base: UnsafePointer<UInt8>, from: Int, to: Int) -> Int? {
        guard to > from, let hit = memchr(base + from, 0, to - from) else { return nil }
        return UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) - base
    }

    /// A NUL byte is never CSV text: the file is binary (or has a binary tail, as after `truncate -s`).
    @inline(never)
    static func nulFailure(_ base: UnsafePointer<UInt8>, at offset: Int, chunkStart: Int) -> ChunkFailure {
        var line = 0, lineStart = chunkStart
        for i in chunkStart..<offset where base[i] == UInt8(ascii: "\n") { line += 1; lineStart = i + 1 }
        return ChunkFailure(line: line, column: offset - lineStart + 1,
                            problem: .nul(offset: offset),
                            help: { file in .cutBeforeNul(offset: offset, file: file) })
    }

    /// A quoted field spanning more lines or bytes than these is a stray quote, not a value.
    static let maxQuotedLines = 1000
    static let maxQuotedBytes = 1 << 20

    enum QuotedVerdict {
        case fine
        /// Too long to be a value: the load fails at the quote.
        case fatal(ChunkFailure)
        /// The field holds this many whole lines that would parse as rows on their own.
        case swallows(Int)
    }

    /// Judges a multi-line or huge quoted field opening at chunk-relative `line`, `column`.
    @inline(never)
    static func judgeLongQuoted(_ base: UnsafePointer<UInt8>, _ field: QuotedField, fieldCount: Int, delimiter: UInt8,
                                line: Int, column: Int) -> QuotedVerdict {
        let bytes = field.end - field.start
        if field.newlines > maxQuotedLines || bytes > maxQuotedBytes {
            return .fatal(ChunkFailure(line: line, column: column,
                                       problem: .longQuoted(lines: field.newlines + 1, bytes: bytes),
                                       help: { _ in .strayQuote(lines: maxQuotedLines) }))
        }
        // Whole lines inside the quotes (after the first line break, before the last) with exactly the
        // file's field count and no quote of their own are rows the quote swallowed.
        guard field.newlines >= 2, fieldCount > 1 else { return .fine }
        var rows = 0, delimiters = 0, quoted = false
        var p = field.start
        while p < field.end, base[p] != UInt8(ascii: "\n") { p += 1 }
        p += 1
        while p < field.lastLineStart {
            switch base[p] {
            case UInt8(ascii: "\n"):
                if delimiters == fieldCount - 1, !quoted { rows += 1 }
                (delimiters, quoted) = (0, false)
            case delimiter: delimiters += 1
            case UInt8(ascii: "\""): quoted = true
            default: break
            }
            p += 1
        }
        return rows > 0 ? .swallows(rows) : .fine
    }

    /// A carriage return followed by text (not a line feed), outside quotes, in a record with the wrong field
    /// count: the line endings switch to CR alone there, and the rest of the file would read as one row.
    @inline(never)
    static func bareCarriageReturn(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int, line: Int) -> ChunkFailure? {
        var quoted = false, line = line, lineStart = start
        for p in start..<end {
            switch base[p] {
            case UInt8(ascii: "\""): quoted.toggle()
            case UInt8(ascii: "\n"): line += 1; lineStart = p + 1
            // Text right after it: a stray CR before a line break, or at the end, is not a line ending.
            case UInt8(ascii: "\r") where !quoted && p + 1 < end && base[p + 1] != UInt8(ascii: "\n") && base[p + 1] != UInt8(ascii: "\r"):
                return ChunkFailure(line: line, column: p - lineStart + 1,
                                    problem: .carriageReturnsFromHere,
                                    help: { file in .convertLineBreaks(file: file) })
            default: break
            }
        }
        return nil
    }
}
