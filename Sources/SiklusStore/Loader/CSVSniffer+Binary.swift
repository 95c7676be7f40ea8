#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Refusing what is not UTF-8 text: UTF-16 (with the command that converts it), NUL bytes (binary
/// data, or a text file with a binary or sparse tail) and control-byte noise.
extension CSVSniffer {
    /// How much of the head, and of the tail, is scanned byte by byte.
    static let checkedBytes = 65_536

    /// Rejects UTF-16 text by its byte-order mark (FF FE or FE FF).
    func checkUTF16() throws {
        let bytes = file.bytes
        guard bytes.count >= 2, (bytes[0], bytes[1]) == (0xFF, 0xFE) || (bytes[0], bytes[1]) == (0xFE, 0xFF) else { return }
        throw utf16Error(bigEndian: bytes[0] == 0xFE)
    }

    /// Rejects binary files: a NUL byte in the first or last 64 KiB or in a hole of a sparse file (the
    /// parser checks every other byte as it goes), or many control bytes in the first 64 KiB. Checked
    /// before planning, so a 2 GB file of zeros fails here instead of sizing column buffers for it.
    func checkText(from start: Int) throws {
        let bytes = file.bytes
        let end = min(bytes.count, start + Self.checkedBytes)
        var controls = 0
        for i in start..<end {
            let b = bytes[i]
            if b == 0 { throw nulError(at: i) }
            if b < 0x20, b != UInt8(ascii: "\t"), b != UInt8(ascii: "\r"), b != UInt8(ascii: "\n") { controls += 1 }
        }
        if controls * 20 > end - start {
            throw LoadError(path: file.path, .binary(controls: controls, bytes: end - start),
                            help: .binary)
        }
        if let hole = file.firstHole() {
            // The hole reads as zeros; the data block before it often ends in zeros too.
            throw nulError(at: bytes[start..<hole].firstIndex(of: 0) ?? hole)
        }
        let tail = max(end, bytes.count - Self.checkedBytes)
        if let nul = bytes[tail...].firstIndex(of: 0) { throw nulError(at: nul) }
    }

    /// The error for a NUL byte at `offset`: UTF-16 when the NULs around it alternate with text.
    func nulError(at offset: Int) -> LoadError {
        let bytes = file.bytes
        let window = bytes[(offset & ~1)..<min(bytes.count, (offset & ~1) + 4096)]
        var nuls = [0, 0]
        for (i, b) in zip(window.indices, window) where b == 0 { nuls[i & 1] += 1 }
        let half = window.count / 2
        if half >= 8, nuls.max()! * 10 >= half * 8, nuls.min()! * 10 <= half {
            return utf16Error(bigEndian: nuls[0] > nuls[1])
        }
        var line = 1, lineStart = 0
        for i in 0..<offset where bytes[i] == UInt8(ascii: "\n") { line += 1; lineStart = i + 1 }
        return LoadError(path: file.path, line: line, column: offset - lineStart + 1,
                         .nul(offset: offset),
                         help: .cutBeforeNulSniffed(offset: offset))
    }

    private func utf16Error(bigEndian: Bool) -> LoadError {
        let name = file.path.split(separator: "/").last.map(String.init) ?? "file.csv"
        return LoadError(path: file.path, .utf16(bigEndian: bigEndian),
                         help: .utf16(file: name, output: "\(name.hasSuffix(".csv") ? String(name.dropLast(4)) : name)-utf8.csv"))
    }
}
