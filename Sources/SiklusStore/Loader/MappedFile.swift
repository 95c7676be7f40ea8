#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A read-only, memory-mapped file.
///
/// Parsing straight from the mapping avoids a copy of the whole file; `release(upTo:)` drops pages
/// already parsed so peak memory stays near the size of the columns, not the columns plus the file.
final class MappedFile: @unchecked Sendable {
    let path: String
    let count: Int
    let identity: FileIdentity
    private let base: UnsafeMutableRawPointer?

    init(path: String) throws {
        self.path = path
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            let reason = errno == ENOENT ? "no such file" : String(cString: strerror(errno))
            throw LoadError(path: path, message: "cannot open file: \(reason)",
                            hint: errno == ENOENT ? "check the path; relative paths start at the current directory" : nil)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw LoadError(path: path, message: "cannot read file: \(String(cString: strerror(errno)))") }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw LoadError(path: path, message: "not a regular file") }
        identity = FileIdentity(info)
        count = Int(info.st_size)
        if count == 0 {
            base = nil
            return
        }
        let mapped = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0)
        guard let mapped, mapped != MAP_FAILED else {
            throw LoadError(path: path, message: "cannot map file: \(String(cString: strerror(errno)))")
        }
        base = mapped
        _ = madvise(mapped, count, MADV_SEQUENTIAL)
    }

    deinit {
        if let base { munmap(base, count) }
    }

    /// The file's bytes; valid while `self` is alive.
    var bytes: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: base, count: count)
    }

    /// Maps the pages of `from..<to` in one call (MADV_POPULATE_READ, Linux 5.14+) rather than one page
    /// fault per page as the parser reaches them; ignored where unsupported.
    func prefetch(from: Int, to: Int) {
        guard let base else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = from / page * page
        let end = min(count, to)
        if end > start { _ = madvise(base + start, end - start, 22 /* MADV_POPULATE_READ */) }
    }

    /// Tells the kernel the pages in `from..<to` will not be read again (they are re-read from the
    /// file if they are). Safe to call from several threads on disjoint ranges.
    func release(from: Int, to: Int) {
        guard let base else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (from + page - 1) / page * page
        let end = to / page * page
        if end > start { _ = madvise(base + start, end - start, MADV_DONTNEED) }
    }
}
