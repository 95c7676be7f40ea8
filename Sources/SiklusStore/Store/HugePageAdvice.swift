import CMemoryHints

/// Large arrays written once, all at once, by the index phase of a load (gathered columns, the sort's order):
/// asked to be backed by 2 MiB pages (`MADV_HUGEPAGE`) before their first write, so filling one takes a page
/// fault per 2 MiB instead of per 4 KiB (on this kind of VM ~1.4 µs each: ~0.2 s of a 5M-customer load's
/// CPU). Only arrays of `thresholdBytes` or more: their last page is at most 2 MiB over what is written.
/// The parser's own column buffers are not advised: filled bit by bit while the dictionaries are probed,
/// their 2 MiB zeroings evicted the tables from the cache (parse phase +10 % at 5M).
public enum HugePageAdvice {
    public static let thresholdBytes = 32 << 20

    /// Advises the `count` elements at `pointer`, untouched so far, when they take `minimumBytes` or more (the
    /// customer facts, written whole by every core at once on a store's first query, advise from 4 MiB).
    @inline(__always)
    public static func advise<T>(_ pointer: UnsafeMutablePointer<T>?, count: Int, minimumBytes: Int = thresholdBytes) {
        guard let pointer, count * MemoryLayout<T>.stride >= minimumBytes else { return }
        siklus_advise_huge_pages(pointer, count * MemoryLayout<T>.stride)
    }

    /// An array of `count` elements, advised, filled by `body` (which must initialise all of them).
    static func array<T>(count: Int, _ body: (UnsafeMutableBufferPointer<T>) -> Void) -> [T] {
        [T](unsafeUninitializedCapacity: count) { out, initialized in
            advise(out.baseAddress, count: count)
            body(out)
            initialized = count
        }
    }
}
