import CMemoryHints

/// Arrays asked to be backed by 2 MiB pages (`MADV_HUGEPAGE`) before their first write: the customer facts'
/// outputs, written whole by every core at once on a store's first query (facts 10.7 → 8.7 ms at 1M).
///
/// Only arrays made while the process's freed memory is still at hand. On this kind of VM (KVM with free
/// page reporting) a 2 MiB page is taken from the blocks the guest has handed back to the host, and zeroing
/// it faults every 4 KiB in the host: 0.41 GB/s in a process started after a few idle seconds, against
/// 2.3 GB/s for 4 KiB pages and 8–10 GB/s for 2 MiB pages freed moments before. A load's index arrays (the
/// order, the gathered columns: ~0.6 GB at 5M customers) come from such fresh blocks, so they are not advised
/// (append and index 0.62–1.11 → 0.55–0.71 s, alternated with DuckDB's loads as `scripts/bench` runs them);
/// a query's facts come after the load, from the pages it freed.
public enum HugePageAdvice {
    /// Advises the `count` elements at `pointer`, untouched so far, when they take `minimumBytes` or more:
    /// the last 2 MiB page is then at most that much over what is written.
    @inline(__always)
    public static func advise<T>(_ pointer: UnsafeMutablePointer<T>?, count: Int, minimumBytes: Int) {
        guard let pointer, count * MemoryLayout<T>.stride >= minimumBytes else { return }
        siklus_advise_huge_pages(pointer, count * MemoryLayout<T>.stride)
    }
}
