#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The interactive shell's history file, kept safe from symlinks: a history path that is a symlink (or
/// not a regular file) is refused with a note, and saving never writes through a link. libedit's
/// `write_history` opens its path with `fopen("w")`, which follows links and changed the target's mode;
/// here it writes a fresh temporary file (`mkstemp`: `O_EXCL`, mode 0600) in the same directory, which
/// then replaces the history file by `rename`, which replaces a path and never follows it.
public enum HistoryFile {
    /// Why `path` cannot hold the history (a symlink, a directory, a device), or nil when it can
    /// (including when it does not exist yet).
    public static func refusal(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFLNK: return "\(path) is a symlink; history is not read or written through it (kept for this session only)"
        default: return "\(path) is not a regular file; history is kept for this session only"
        }
    }

    /// Saves history to `path` through a temporary file; `write` fills the file at the path it is given
    /// (libedit's `write_history`) and returns whether it worked. Returns why saving failed, or nil.
    public static func save(to path: String, write: (String) -> Bool) -> String? {
        if let refusal = refusal(path) { return refusal }
        var template = Array((path + ".XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard fd >= 0 else { return "cannot save history next to \(path): \(String(cString: strerror(errno)))" }
        close(fd)
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard write(temporary), rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            return "cannot save history to \(path): \(reason)"
        }
        return nil
    }
}
