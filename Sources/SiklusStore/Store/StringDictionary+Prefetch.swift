import CMemoryHints

/// Cache hints for a lookup that will come a few rows later.
///
/// In a time-ordered log the rows' customer ids rarely repeat the previous row's, and each lookup in a
/// table of millions of ids is a cache miss on its slot (then, for ids over 8 bytes, on the string's
/// start), as long as parsing a whole row. `PendingCustomerIDs` interns each id several rows after
/// parsing it, and issues these hints when it is parsed and halfway there, so the probe finds its lines
/// in cache. Hints never change the dictionary, and a wrong guess (a table grown in between) costs only
/// the hint.
extension StringDictionary {
    /// Starts loading the slot where a probe for `hash` (under the process's key) starts and the three after
    /// it (one or two lines): a probe that went on past a line's end missed there (a fifth of the load's
    /// lookup time when only the first slot was hinted).
    @inline(__always)
    func prefetchSlot(hash h: UInt64) {
        guard usesProcessKey else { return }
        slots.withSlots { slots in
            let slot = slots.address(Int(truncatingIfNeeded: h) & slots.mask)
            siklus_prefetch(slot)
            siklus_prefetch(slot + (4 * SlotTable.stride - 1))
        }
    }

    /// For a string over 8 bytes (a short one is decided by its slot alone): reads the slot where a probe
    /// for `hash` starts (in cache after `prefetchSlot`) and, when it holds that hash, starts loading the
    /// string's start, which the probe reads next.
    @inline(__always)
    func prefetchLongKey(hash h: UInt64) {
        guard usesProcessKey else { return }
        slots.withSlots { slots in
            let i = Int(truncatingIfNeeded: h) & slots.mask
            let field = slots.field(i)
            guard field & SlotTable.long != 0, slots.word(i) == h else { return }
            let code = SlotTable.code(field)
            starts.withUnsafeBufferPointer { starts in if code < starts.count { siklus_prefetch(starts.baseAddress! + code) } }
        }
    }
}
