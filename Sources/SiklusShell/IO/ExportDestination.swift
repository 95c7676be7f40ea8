#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Opens the files the shell writes results to: `.output`, `.once`, `.export` and `| export`, in every
/// format (csv, tsv, json, md, svg, html). One function so every destination follows one rule:
///
/// - A symlink is followed and its target written in place, like a shell's `>`: the link stays a link,
///   the target keeps its inode and mode (it is truncated, not replaced).
/// - A new file is created with mode 0644 (less the umask).
/// - A FIFO is opened without blocking: with no reader it is an error (`ENXIO`), never a hang; with a
///   reader it is written like a pipe.
/// - A directory, a missing parent directory or a denied permission is the system's error.
public enum ExportDestination {
    /// Opens `path` for writing under the rule above. The returned output owns the descriptor; call
    /// `FileDescriptorOutput.finish()` to learn whether every write and the close succeeded.
    public static func open(_ path: String) throws(FileOpenError) -> FileDescriptorOutput {
        // O_NONBLOCK only matters for the open itself (a FIFO with no reader would block it forever).
        let fd = openFile(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NONBLOCK, 0o644)
        guard fd >= 0 else {
            let code = errno
            if code == ENXIO {
                throw FileOpenError(path: path, reason: "it is a FIFO (named pipe) with no reader; start the reader first (e.g. `cat \(path) &`)")
            }
            throw FileOpenError(path: path, reason: String(cString: strerror(code)))
        }
        // Writes block normally again (a pipe reader slower than the shell must not lose data).
        let flags = fcntl(fd, F_GETFL)
        if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) }
        return FileDescriptorOutput(descriptor: fd, closesOnDeinit: true, path: path)
    }

    private static func openFile(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
        #if canImport(Glibc)
        Glibc.open(path, flags, mode)
        #else
        Darwin.open(path, flags, mode)
        #endif
    }
}
