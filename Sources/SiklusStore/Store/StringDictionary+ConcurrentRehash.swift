/// Growing a large slot table on all cores (issue 16).
///
/// Before a chunk's dictionary is merged in, the first chunk's table grows to hold both: at 5M customers in
/// time order, 8M slots to 16M, a rehash of ~3.5M ids on one core while the other waited. Here the old
/// table is cut into one range of homes per core. A table grown by a power of two puts an entry whose home
/// was `h` at a new home congruent to `h` modulo the old size, so each core owns the new slots congruent to
/// its range: it walks its range of the old table (and the run of entries that spills past its end), and
/// places the entries whose old home is in its range, each hashed once. An entry whose probe would leave
/// the core's slots is placed afterwards, serially, with the whole table. Lookups find a string wherever
/// linear probing put it, so the layout may differ from a serial rehash's; codes never change.
extension StringDictionary {
    /// Tables at least this large are grown on all cores by `reserveForMerge` (smaller ones rehash in
    /// less time than the threads take to start).
    static let concurrentRehashSlots = 1 << 20

    /// `rehash(capacity)` on all cores (not under a new key; `capacity` a multiple of the current one);
    /// returns the longest probe.
    /// - Complexity: O(count + capacity) expected.
    @discardableResult
    mutating func rehashConcurrently(_ capacity: Int) -> Int {
        let oldCapacity = slots.capacity
        let ranges = Parallel.ranges(oldCapacity, minimumPerPart: 1 << 16)
        guard ranges.count > 1, capacity % oldCapacity == 0 else { return rehash(capacity) }
        var next = SlotTable(capacity: capacity, concurrently: true)
        let key = hashKey
        var statistics = ProbeStatistics()
        next.withMutableSlots { next in
            slots.withSlots { old in
                let parts = Parallel.map(ranges.count) { r -> (crossing: [Int], probes: ProbeStatistics) in
                    let range = ranges[r]
                    var crossing: [Int] = []
                    var probes = ProbeStatistics()
                    var i = range.lowerBound
                    // The range, then the run of occupied slots past its end (entries whose home is in the range).
                    while i < range.upperBound || old.field(i & old.mask) != 0 {
                        let slot = i & old.mask
                        i += 1
                        if i > range.upperBound + old.mask { break }  // a full table's run (never: at most three quarters full)
                        let field = old.field(slot)
                        if field == 0 { continue }
                        let word = old.word(slot)
                        let h = Int(truncatingIfNeeded: Self.slotHash(word: word, field: field, key: key))
                        guard range.contains(h & old.mask) else { continue }
                        let home = h & next.mask
                        // This core's slots from `home` on end where the old range's copy in the new table ends.
                        let end = home - (h & old.mask) + range.upperBound
                        var j = home
                        while j < end, next.field(j) != 0 { j += 1 }
                        guard j < end else { crossing.append(slot); continue }
                        next.set(j, word: word, field: field)
                        probes.record(j - home)
                    }
                    return (crossing, probes)
                }
                for part in parts {
                    statistics.record(part.probes)
                    for i in part.crossing {
                        let word = old.word(i), field = old.field(i)
                        let home = Int(truncatingIfNeeded: Self.slotHash(word: word, field: field, key: key)) & next.mask
                        statistics.record(next.place(word: word, field: field, home: home))
                    }
                }
            }
        }
        slots = next
        probes.total &+= statistics.total
        probes.longest = statistics.longest
        return statistics.longest
    }
}
