import CMemoryHints

/// Cache hints for a lookup that will come a few rows later.
///
/// In a time-ordered log the rows' customer ids rarely repeat the previous row's, and each lookup in a
/// table of millions of ids is two dependent cache misses (the slot, then the code's key), each as long
/// as parsing a whole row. `PendingCustomerIDs` interns each id several rows after parsing it, and
/// issues these hints when it is parsed and halfway there, so the probe finds both lines in cache.
/// Hints never change the dictionary, and a wrong guess (a table grown in between) costs only the hint.
extension StringDictionary {
    /// Starts loading the slot where a probe for `hash` (under the process's key) starts.
    @inline(__always)
    func prefetchSlot(hash h: UInt64) {
        guard usesProcessKey else { return }
        slots.withUnsafeBufferPointer { table in
            guard let base = table.baseAddress else { return }
            siklus_prefetch(base + (Int(truncatingIfNeeded: h) & (table.count - 1)))
        }
    }

    /// Reads the slot where a probe for `hash` starts (in cache after `prefetchSlot`) and, when its tag
    /// matches, starts loading what the probe compares next: the short key, or the string's start.
    @inline(__always)
    func prefetchKey(hash h: UInt64, short: Bool) {
        guard usesProcessKey else { return }
        slots.withUnsafeBufferPointer { table in
            guard let base = table.baseAddress else { return }
            let entry = base[Int(truncatingIfNeeded: h) & (table.count - 1)]
            guard entry != 0, entry & 0xFFFF_FFFF_0000_0000 == h & 0xFFFF_FFFF_0000_0000 else { return }
            let code = Int(entry & 0xFFFF_FFFF) - 1
            if short {
                shortKeys.withUnsafeBufferPointer { keys in if code < keys.count { siklus_prefetch(keys.baseAddress! + code) } }
            } else {
                starts.withUnsafeBufferPointer { starts in if code < starts.count { siklus_prefetch(starts.baseAddress! + code) } }
            }
        }
    }
}
