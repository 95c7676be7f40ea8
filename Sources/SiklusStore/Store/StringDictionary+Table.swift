import Foundation

extension StringDictionary {
    /// A slot table of `capacity` empty slots.
    ///
    /// A table of millions of slots is probed at random: with 4 KiB pages nearly every probe also misses the
    /// TLB (a 128 MB table at 5M ids spans 32,768 pages). Large tables ask for transparent huge pages
    /// (`MADV_HUGEPAGE`, honoured where the system's setting is `madvise` or `always`) before the zeroing
    /// first touches them. Every slot page is touched by the zeroing anyway, so this costs no memory.
    static func emptyTable(_ capacity: Int) -> [UInt64] {
        [UInt64](unsafeUninitializedCapacity: capacity) { table, initialized in
            if let base = table.baseAddress, capacity * MemoryLayout<UInt64>.stride >= hugePageBytes * 2 {
                let start = (UInt(bitPattern: base) + UInt(hugePageBytes - 1)) & ~UInt(hugePageBytes - 1)
                let end = UInt(bitPattern: base + capacity) & ~UInt(hugePageBytes - 1)
                if end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) {
                    _ = madvise(aligned, Int(end - start), MADV_HUGEPAGE)
                }
            }
            table.initialize(repeating: 0)
            initialized = capacity
        }
    }

    private static let hugePageBytes = 2 << 20
}
