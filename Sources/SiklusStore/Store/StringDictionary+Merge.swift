import CMemoryHints

/// Merging a chunk's dictionary on all cores.
///
/// After a parallel parse, the second half of a file's customers are in a chunk dictionary and must be
/// interned into the first half's. Serially that is one cache miss per string on a table of tens of MB.
/// Here the table is cut into one region of slots per core: each core places the strings whose probe
/// starts and ends inside its region (no other core writes there), reserving the empty slot it finds with
/// a placeholder. Codes then go to the new strings in the chunk's own order (a serial pass of block copies), and
/// the placeholders are filled in. The rare probe that would run past its region's end is done serially.
extension StringDictionary {
    /// Low half of a placeholder slot: this bit, then the chunk's code. Real slots hold `code + 1 < 2^31`.
    private static let pending: UInt64 = 0x8000_0000

    /// `merge(_:)`, using all cores for large dictionaries. Same result, same codes.
    mutating func mergeConcurrently(_ other: StringDictionary) -> [Int32] {
        let n = other.count
        reserveForMerge(count + n, bytes: arena.count + other.arena.count)
        guard n >= 1 << 16, Parallel.width > 1 else { return merge(other) }
        // Different keys (either rekeyed after an overlong probe, this one possibly just now while growing)
        // mean rehashing `other`: the serial merge.
        guard other.hashKey == hashKey else { return merge(other) }
        // Hashed once here (the dictionaries keep no hashes), read by both the probes and the slot fill.
        let otherHashes = other.allHashes()
        var remap = [Int32](repeating: -1, count: n)
        var placed = [Int](repeating: -1, count: n)
        let regions = Parallel.ranges(slots.count, minimumPerPart: 1 << 16)
        var deferred: [(crossing: [Int], probes: ProbeStatistics)] = []
        var crossingProbes = ProbeStatistics()
        // Taken out of `self` (a move, not a copy) so the probes can read the strings while it is written.
        var slots = self.slots
        self.slots = []
        // 1. Look every string up; reserve a slot for each one not found.
        arena.withUnsafeBytes { arena in
        starts.withUnsafeBufferPointer { starts in
        shortKeys.withUnsafeBufferPointer { keys in
        slots.withUnsafeMutableBufferPointer { table in
            remap.withUnsafeMutableBufferPointer { remap in
                placed.withUnsafeMutableBufferPointer { placed in
                    let shared = SendableBox((table, remap, placed))
                    deferred = Parallel.map(regions.count) { r in
                        let (table, remap, placed) = shared.value
                        let region = regions[r], mask = table.count - 1
                        var crossing: [Int] = []
                        var probes = ProbeStatistics()
                        for c in 0..<n {
                            // Each probe is a cache miss or two on a table of tens of MB: the slot is loaded
                            // `slotDistance` strings ahead, and from it the short key the probe compares.
                            if c + Self.slotDistance < n {
                                Self.prefetchSlot(otherHashes[c + Self.slotDistance], table: table, within: region)
                            }
                            if c + Self.keyDistance < n {
                                Self.prefetchKey(otherHashes[c + Self.keyDistance], table: table, within: region, keys: keys)
                            }
                            let h = otherHashes[c]
                            let home = Int(truncatingIfNeeded: h) & mask
                            guard region.contains(home) else { continue }
                            let probe = Self.probe(other, c, hash: h, from: home, within: region, arena: arena, starts: starts,
                                                   keys: keys, table: table, remap: remap, placed: placed)
                            if probe < 0 { crossing.append(c) } else { probes.record(probe) }
                        }
                        return (crossing, probes)
                    }
                    // Probes that reached their region's end, in chunk order, with the whole table.
                    for c in deferred.map(\.crossing).joined().sorted() {
                        let h = otherHashes[c]
                        let probe = Self.probe(other, c, hash: h, from: Int(truncatingIfNeeded: h) & (table.count - 1), within: nil,
                                               arena: arena, starts: starts, keys: keys, table: table, remap: remap, placed: placed)
                        crossingProbes.record(probe)
                    }
                }
            }
        }}}}
        // 2. New strings get the next codes, in the chunk's order. They usually come in long runs (often the
        //    whole chunk), copied as one block of text each.
        var c = 0
        while c < n {
            guard remap[c] < 0 else { c += 1; continue }
            var end = c + 1
            while end < n, remap[end] < 0 { end += 1 }
            let shift = arena.count - other.starts[c]
            arena.append(contentsOf: other.arena[other.starts[c]..<other.starts[end]])
            starts.append(contentsOf: other.starts[(c + 1)...end].lazy.map { $0 + shift })
            shortKeys.append(contentsOf: other.shortKeys[c..<end])
            let first = Int32(count - (end - c))
            for k in c..<end { remap[k] = first + Int32(k - c) }
            c = end
        }
        // 3. Fill the reserved slots with the codes.
        slots.withUnsafeMutableBufferPointer { table in
            let shared = SendableBox(table)
            Parallel.forEach(Parallel.ranges(n, minimumPerPart: 1 << 15)) { chunk in
                for c in chunk where placed[c] >= 0 {
                    shared.value[placed[c]] = Self.slot(hash: otherHashes[c], code: remap[c])
                }
            }
        }
        self.slots = slots
        for region in deferred { probes.record(region.probes) }
        probes.record(crossingProbes)
        if probes.longest > probeLimit { rekey() }
        return remap
    }

    /// Room for `total` strings of `bytes` in all, the arrays growing at least twofold: a file's chunks are
    /// merged one after another (a gzip file's 8 MiB blocks, ~120 at 5M customers), and reserving each
    /// merge's exact need copied every array at every merge, quadratic in the blocks (~15 % of a 5M gzip
    /// load's CPU, in copies and page faults). Spare capacity is never written: its pages are not resident.
    mutating func reserveForMerge(_ total: Int, bytes: Int) {
        func grow<T>(_ array: inout [T], to needed: Int) {
            if array.capacity < needed { array.reserveCapacity(max(needed, 2 * array.capacity)) }
        }
        // At least what `reserveCapacity` guesses for the arena, so that its own reservation is no copy.
        grow(&arena, to: max(bytes, arena.count + (total - count) * (count > 0 ? max(1, arena.count / count) : 8)))
        grow(&starts, to: total + 1)
        grow(&shortKeys, to: total)
        // The slot table doubles already; the arrays above are large enough for its reservation.
        reserveCapacity(total)
    }

    /// How many strings ahead a probe's slot, then its short key, start loading: far enough for the load to
    /// arrive, near enough to stay in cache (as `PendingCustomerIDs` does for the parser).
    private static let slotDistance = 16, keyDistance = 8

    /// Starts loading the slot where the probe for `h` starts, when it is in `region`.
    @inline(__always)
    private static func prefetchSlot(_ h: UInt64, table: UnsafeMutableBufferPointer<UInt64>, within region: Range<Int>) {
        let home = Int(truncatingIfNeeded: h) & (table.count - 1)
        if region.contains(home) { siklus_prefetch(table.baseAddress! + home) }
    }

    /// Reads the slot where the probe for `h` starts (loaded by `prefetchSlot`) and, when its tag matches,
    /// starts loading the short key of the code it holds. Only this region's slots: the other cores write theirs.
    @inline(__always)
    private static func prefetchKey(_ h: UInt64, table: UnsafeMutableBufferPointer<UInt64>, within region: Range<Int>,
                                    keys: UnsafeBufferPointer<UInt64>) {
        let home = Int(truncatingIfNeeded: h) & (table.count - 1)
        guard region.contains(home) else { return }
        let entry = table[home]
        guard entry != 0, entry & Self.pending == 0, entry & 0xFFFF_FFFF_0000_0000 == h & 0xFFFF_FFFF_0000_0000 else { return }
        siklus_prefetch(keys.baseAddress! + Int(entry & 0xFFFF_FFFF) - 1)
    }

    /// Probes for `other`'s string `c` from `home`: records its code when present, else reserves the empty
    /// slot that ends the probe. Returns the probe's length, or -1, touching nothing, when the probe would
    /// leave `region`.
    @inline(__always)
    private static func probe(_ other: StringDictionary, _ c: Int, hash h: UInt64, from home: Int, within region: Range<Int>?,
                              arena: UnsafeRawBufferPointer, starts: UnsafeBufferPointer<Int>, keys: UnsafeBufferPointer<UInt64>,
                              table: UnsafeMutableBufferPointer<UInt64>,
                              remap: UnsafeMutableBufferPointer<Int32>, placed: UnsafeMutableBufferPointer<Int>) -> Int {
        let mask = table.count - 1
        // A string of 1 to 8 bytes equals another exactly when their short keys do (`shortKey`): one word
        // compared, not `starts` and then the arena (two more cache misses).
        let short = other.shortKeys[c]
        return other.arena.withUnsafeBytes { otherArena in
            let text = UnsafeRawBufferPointer(rebasing: otherArena[other.starts[c]..<other.starts[c + 1]])
            var i = home
            while true {
                let entry = table[i]
                if entry == 0 {
                    table[i] = (h & 0xFFFF_FFFF_0000_0000) | Self.pending | UInt64(c)
                    placed[c] = i
                    return (i &- home) & mask
                }
                // Placeholders stand for other strings of the same chunk, which are all distinct.
                if entry & Self.pending == 0 {
                    if short != 0 {
                        if entry & 0xFFFF_FFFF_0000_0000 == h & 0xFFFF_FFFF_0000_0000, keys[Int(entry & 0xFFFF_FFFF) - 1] == short {
                            remap[c] = Int32(entry & 0xFFFF_FFFF) - 1
                            return (i &- home) & mask
                        }
                    } else if let code = Self.code(in: entry, ifItHolds: text, hash: h, arena: arena, starts: starts) {
                        remap[c] = code
                        return (i &- home) & mask
                    }
                }
                i = (i + 1) & mask
                if let region, i == region.upperBound || i == 0 { return -1 }
            }
        }
    }
}
