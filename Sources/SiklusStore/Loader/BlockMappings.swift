#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The anonymous mappings that hold decompressed gzip blocks, handed back when a block's parse is done and
/// reused for later blocks.
///
/// A fresh mapping costs one page fault and one zeroed page per 4 KiB on first write: for a 190 MB
/// decompressed file that was some 48,000 faults, 15 % of the decompressing thread's time, and that thread
/// bounds the streamed load (issue 16). Reused mappings are already resident. At most `limit` wait for reuse,
/// and once the last block is read (`close()`) every mapping is unmapped as soon as it is handed back, so
/// the load's later phases (merge, index: its memory peak) hold no decompressed bytes.
final class BlockMappings: @unchecked Sendable {
    private let lock = NSLock()
    private var free: [(base: UnsafeMutableRawPointer, size: Int)] = []
    private var closed = false
    private let limit: Int
    /// Mapped for a new block (at least what was asked): room for a usual carried partial record.
    private let usualSize: Int
    /// Mappings made so far (a test hook: a streamed file's blocks reuse a few mappings).
    var made: Int { lock.lock(); defer { lock.unlock() }; return madeCount }
    private var madeCount = 0

    init(blockBytes: Int, limit: Int) {
        let page = Int(getpagesize())
        usualSize = (blockBytes + blockBytes / 8 + page - 1) / page * page
        self.limit = limit
    }

    deinit { for mapping in free { munmap(mapping.base, mapping.size) } }

    /// A mapping of at least `bytes` and its real size: a handed-back one when one is big enough, else a new one.
    func take(_ bytes: Int, path: String) throws -> (base: UnsafeMutableRawPointer, size: Int) {
        lock.lock()
        if let i = free.firstIndex(where: { $0.size >= bytes }) {
            defer { lock.unlock() }
            return free.remove(at: i)
        }
        madeCount += 1
        lock.unlock()
        let size = max(bytes, usualSize)
        guard let mapped = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), mapped != MAP_FAILED else {
            throw LoadError(path: path, .gzipOutOfMemory(mebibytes: size >> 20))
        }
        return (mapped, size)
    }

    /// Takes a mapping back for reuse (or unmaps it: after `close()`, or past `limit`).
    func give(_ base: UnsafeMutableRawPointer, size: Int) {
        lock.lock()
        if !closed, free.count < limit {
            free.append((base, size))
            lock.unlock()
            return
        }
        lock.unlock()
        munmap(base, size)
    }

    /// No more blocks will be read: unmaps the waiting mappings, and later ones as they come back.
    func close() {
        lock.lock()
        closed = true
        let waiting = free
        free.removeAll()
        lock.unlock()
        for mapping in waiting { munmap(mapping.base, mapping.size) }
    }
}
