#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading a script file as text: a regular file, a `/proc` file (size 0 until read), a pipe or FIFO
/// (`siklus <(…)`, `-f /dev/stdin`, `/dev/fd/N`) or a terminal. Everything is read by streaming into a
/// buffer capped at `maximumBytes`, so no source can exhaust memory, and no open can hang: a FIFO is
/// opened without blocking and one with no writer is an error.
public enum ScriptFile {
    /// The largest script read (16 MiB): far beyond any script, small enough to hold.
    static let maximumBytes = 16 << 20

    /// The contents of `path` as UTF-8 (invalid bytes become U+FFFD; a UTF-8 byte order mark is dropped).
    ///
    /// - Throws: the system's reason (no such file, a directory, permission), or what makes the contents
    ///   no script: a FIFO with no writer, a device giving binary data, NUL bytes, UTF-16, over 16 MiB.
    /// - Complexity: O(n) in the bytes read, at most `maximumBytes` of memory.
    public static func read(_ path: String) throws(FileOpenError) -> String {
        // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw FileOpenError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw FileOpenError(path: path, reason: String(cString: strerror(errno))) }
        let kind = info.st_mode & S_IFMT
        if kind == S_IFDIR { throw FileOpenError(path: path, reason: String(cString: strerror(EISDIR))) }
        let isDevice = kind == S_IFCHR || kind == S_IFBLK
        let bytes = try readAll(fd, path: path, isPipe: kind == S_IFIFO || kind == S_IFSOCK, isDevice: isDevice)
        return try ScriptText.decode(bytes, path: path)
    }

    /// Reads `fd` to its end. A pipe whose first read finds no data and no writer is refused; after
    /// that first read, reads block like `cat` (a writer that is still producing is waited for).
    private static func readAll(_ fd: Int32, path: String, isPipe: Bool, isDevice: Bool) throws(FileOpenError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        var first = true
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK {
                    // A writer is there but has sent nothing yet: wait for it from now on.
                    first = false
                    setBlocking(fd)
                    continue
                }
                throw FileOpenError(path: path, action: "read", reason: String(cString: strerror(errno)))
            }
            if count == 0 {
                if first, isPipe {
                    throw FileOpenError(path: path, action: "read",
                                        reason: "it is a pipe or FIFO with no writer (nothing to read); start the writer first")
                }
                return bytes
            }
            if first { setBlocking(fd) }
            first = false
            if isDevice, chunk[0..<count].contains(0) {
                throw FileOpenError(path: path, action: "run", reason: "it is a device giving binary data, not a script")
            }
            guard bytes.count + count <= maximumBytes else {
                throw FileOpenError(path: path, action: "run",
                                    reason: "it is larger than \(maximumBytes >> 20) MiB\(isDevice ? " (a device, not a script)" : ""); "
                                        + "a script that big is probably data: load it with `load`")
            }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    private static func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(fd, buffer, count)
        #else
        Darwin.read(fd, buffer, count)
        #endif
    }

    private static func setBlocking(_ fd: Int32) {
        let flags = fcntl(fd, F_GETFL)
        if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) }
    }
}
