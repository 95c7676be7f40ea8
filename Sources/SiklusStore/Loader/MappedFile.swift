#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A read-only, memory-mapped file.
///
/// Parsing straight from the mapping avoids a copy of the whole file; `release(upTo:)` drops pages
/// already parsed so peak memory stays near the size of the columns, not the columns plus the file.
///
/// Only regular files are read, and the file is opened with `O_NONBLOCK` and checked with `fstat`
/// before anything else, so a FIFO, socket or device is an error naming what it is, never a hang.
/// A regular file whose size says 0 but which has bytes (`/proc` files), or that cannot be mapped
/// (`/sys` files), is read into an owned buffer instead (at most 64 MiB). The mapping is guarded (`MappedPageGuard`): if the file shrinks while it is read, the
/// missing pages read as zeros and `checkUnchanged()` reports it, rather than the process dying of SIGBUS.
final class MappedFile: @unchecked Sendable {
    let path: String
    let count: Int
    let identity: FileIdentity
    private let base: UnsafeMutableRawPointer?
    /// True when `base` is a `malloc`ed copy (a file without a size, or one that cannot be mapped) or an
    /// anonymous mapping (a decompressed block), false for a mapping of the file.
    private let owned: Bool
    /// True when `base` is an anonymous mapping, freed with `munmap` rather than `free`.
    private var anonymous = false
    private let fd: Int32
    private let guardSlot: Int?
    /// The most read from a file that reports no size (`/proc` files are a few KiB).
    static let unsizedLimit = 64 << 20

    init(path: String) throws {
        self.path = path
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let reason: LoadError.SystemReason = errno == ENOENT ? .noSuchFile : .errno(errno)
            throw LoadError(path: path, .cannotOpen(reason),
                            help: reason == .noSuchFile ? .checkPath : nil)
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let reason = LoadError.SystemReason.errno(errno)
            close(fd)
            throw LoadError(path: path, .cannotRead(reason))
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw Self.notRegular(path: path, mode: info.st_mode & S_IFMT)
        }
        self.fd = fd
        identity = FileIdentity(info)
        let mapped = info.st_size == 0 ? nil : mmap(nil, Int(info.st_size), PROT_READ, MAP_PRIVATE, fd, 0)
        guard let mapped, mapped != MAP_FAILED else {
            // No size (`/proc`), or a file system that cannot map (`/sys`: ENODEV): read it instead.
            let reason = info.st_size == 0 ? nil : LoadError.SystemReason.errno(errno)
            if let reason, Int(info.st_size) > Self.unsizedLimit {
                close(fd)
                throw LoadError(path: path, .cannotMap(reason), help: .copyToLocalFile)
            }
            (base, count) = try Self.readUnsized(fd: fd, path: path)
            owned = true
            guardSlot = nil
            return
        }
        count = Int(info.st_size)
        owned = false
        base = mapped
        guardSlot = MappedPageGuard.register(mapped, count: count)
        _ = madvise(mapped, count, MADV_SEQUENTIAL)
    }

    /// Wraps bytes already in memory (a block of a decompressed gzip file), taking ownership of the
    /// anonymous mapping of `capacity` bytes, so that the sniffer and `ChunkParser` read it as they read a file.
    /// Blocks are mapped, not `malloc`ed: freed blocks of megabytes would stay in the heap's arenas and
    /// fragment it, raising peak memory by the size of the decompressed blocks seen.
    init(owningMapping buffer: UnsafeMutableRawPointer, count: Int, capacity: Int, path: String, identity: FileIdentity,
         release: (@Sendable (UnsafeMutableRawPointer, Int) -> Void)? = nil) {
        anonymous = true
        releaseMapping = release
        mappedCapacity = capacity
        LiveBlocks.shared.opened()
        self.path = path
        self.count = count
        self.identity = identity
        base = buffer
        owned = true
        fd = -1
        guardSlot = nil
    }

    /// The size of the anonymous mapping (`count` is the bytes used).
    private var mappedCapacity = 0
    /// Takes the anonymous mapping back instead of `munmap` (`BlockMappings` reuses it for a later block).
    private var releaseMapping: (@Sendable (UnsafeMutableRawPointer, Int) -> Void)?

    deinit {
        if let guardSlot { MappedPageGuard.unregister(guardSlot) }
        if let base { if anonymous { if let releaseMapping { releaseMapping(base, mappedCapacity) } else { munmap(base, mappedCapacity) } } else if owned { free(base) } else { munmap(base, count) } }
        if anonymous { LiveBlocks.shared.closed() }
        if fd >= 0 { close(fd) }
    }

    /// Throws "the file changed while loading" when a read of the mapping faulted (the file shrank) or
    /// the file's size or modification time is no longer what it was when it was opened.
    func checkUnchanged() throws {
        // A file read into memory (no size to map by) cannot change under the reader.
        guard !owned else { return }
        var info = stat()
        let faulted = guardSlot.map(MappedPageGuard.faulted) ?? false
        guard faulted || fstat(fd, &info) != 0 || FileIdentity(info) != identity else { return }
        throw LoadError(path: path, .changed(truncated: faulted),
                        help: .waitForWriter)
    }

    /// Where the file's first hole is, if it is sparse (`SEEK_HOLE`): a hole reads as NUL bytes, so a
    /// CSV file never has one. Nil where the file system cannot tell (it then reports the end).
    func firstHole() -> Int? {
        guard !owned, count > 0 else { return nil }
        #if os(Linux)
        let seekHole: Int32 = 4
        #else
        let seekHole: Int32 = 3
        #endif
        let hole = lseek(fd, 0, seekHole)
        return hole >= 0 && Int(hole) < count ? Int(hole) : nil
    }

    /// The error for a path that is not a regular file, naming what it is.
    private static func notRegular(path: String, mode: mode_t) -> LoadError {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        switch mode {
        case S_IFDIR:
            return LoadError(path: path, .directory, help: .nameFileInside(directory: name))
        case S_IFIFO:
            return LoadError(path: path, .fifo,
                             help: .copyFifo(name: name))
        case S_IFSOCK:
            return LoadError(path: path, .socket, help: .saveAsCSV)
        case S_IFCHR, S_IFBLK:
            return LoadError(path: path, .device, help: .saveAsCSV)
        default:
            return LoadError(path: path, .notRegular, help: .saveAsCSV)
        }
    }

    /// Reads a file whose `fstat` size is 0 (empty, or a `/proc`-style file that only has bytes when
    /// read) or that cannot be mapped into a buffer grown as it fills, up to `unsizedLimit`.
    private static func readUnsized(fd: Int32, path: String) throws -> (UnsafeMutableRawPointer?, Int) {
        var capacity = 64 << 10, count = 0
        guard var buffer = malloc(capacity) else { close(fd); throw LoadError(path: path, .readOutOfMemory) }
        while true {
            if count == capacity {
                guard capacity < unsizedLimit, let grown = realloc(buffer, capacity * 2) else {
                    free(buffer)
                    close(fd)
                    throw LoadError(path: path, .unsized(mebibytes: unsizedLimit >> 20),
                                    help: .copyToRegularFile)
                }
                (buffer, capacity) = (grown, capacity * 2)
            }
            let n = read(fd, buffer + count, capacity - count)
            if n < 0, errno == EINTR { continue }
            guard n >= 0 else {
                let reason = LoadError.SystemReason.errno(errno)
                free(buffer)
                close(fd)
                throw LoadError(path: path, .cannotRead(reason))
            }
            if n == 0 { break }
            count += n
        }
        if count == 0 { free(buffer); return (nil, 0) }
        return (buffer, count)
    }

    /// The file's bytes; valid while `self` is alive.
    var bytes: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: base, count: count)
    }

    /// Maps the pages of `from..<to` in one call (MADV_POPULATE_READ, Linux 5.14+) rather than one page
    /// fault per page as the parser reaches them; ignored where unsupported.
    func prefetch(from: Int, to: Int) {
        guard let base, !owned else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = from / page * page
        let end = min(count, to)
        if end > start { _ = madvise(base + start, end - start, 22 /* MADV_POPULATE_READ */) }
    }

    /// Starts reading `from..<to` from the disk into the page cache without waiting (MADV_WILLNEED), so
    /// that a file not cached yet is read while earlier bytes are parsed, rather than by the parser's
    /// `prefetch`, which waits for the disk; nearly free when the pages are cached already.
    func readAhead(from: Int, to: Int) {
        guard let base, !owned else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = from / page * page
        let end = min(count, to)
        if end > start { _ = madvise(base + start, end - start, MADV_WILLNEED) }
    }

    /// Tells the kernel the pages in `from..<to` will not be read again (they are re-read from the
    /// file if they are). Safe to call from several threads on disjoint ranges.
    func release(from: Int, to: Int) {
        guard let base, !owned else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (from + page - 1) / page * page
        let end = to / page * page
        if end > start { _ = madvise(base + start, end - start, MADV_DONTNEED) }
    }
}
