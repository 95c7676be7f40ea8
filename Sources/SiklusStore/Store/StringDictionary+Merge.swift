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
    /// `merge(_:)`, using all cores for large dictionaries. Same result, same codes.
    mutating func mergeConcurrently(_ other: StringDictionary) -> [Int32] {
        let n = other.count
        reserveForMerge(count + n, bytes: arena.count + other.arena.count, load: .merging)
        // A few thousand strings are worth the cores once the table is large (each probe a cache miss, prefetched
        // here, not in `merge`): a gzip file's blocks after the first few add tens of thousands each.
        guard n >= 1 << 16 || (n >= 1 << 12 && slots.capacity >= 1 << 20), Parallel.width > 1 else { return merge(other) }
        // Different keys (either rekeyed after an overlong probe, this one possibly just now while growing)
        // mean rehashing `other`: the serial merge.
        guard other.hashKey == hashKey else { return merge(other) }
        // Reserved slots are kept as 32-bit indexes (half the pages of `Int`s).
        guard slots.capacity <= Int(Int32.max) else { return merge(other) }
        // Hashed once here (the dictionaries keep no hashes), read by both the probes and the slot fill.
        let otherHashes = other.allHashes()
        var remap = Self.filled(-1 as Int32, count: n)
        var placed = Self.filled(-1 as Int32, count: n)
        let regions = Parallel.ranges(slots.capacity, minimumPerPart: 1 << 16)
        var deferred: [(crossing: [Int], probes: ProbeStatistics)] = []
        var crossingProbes = ProbeStatistics()
        // Taken out of `self` (a move, not a copy) so the probes can read the strings while it is written.
        var slots = self.slots
        self.slots = SlotTable(capacity: 0)
        // 1. Look every string up; reserve a slot for each one not found.
        arena.withUnsafeBytes { arena in
        starts.withUnsafeBufferPointer { starts in
        slots.withMutableSlots { table in
            remap.withUnsafeMutableBufferPointer { remap in
                placed.withUnsafeMutableBufferPointer { placed in
                    let shared = SendableBox((table, remap, placed))
                    deferred = Parallel.map(regions.count) { r in
                        let (table, remap, placed) = shared.value
                        let region = regions[r], mask = table.mask
                        var crossing: [Int] = []
                        var probes = ProbeStatistics()
                        for c in 0..<n {
                            // Each probe is a cache miss on a table of tens of MB (a short id's key is in its
                            // slot): the slot is loaded `slotDistance` strings ahead.
                            if c + Self.slotDistance < n {
                                Self.prefetchSlot(otherHashes[c + Self.slotDistance], table: table, within: region)
                            }
                            let h = otherHashes[c]
                            let home = Int(truncatingIfNeeded: h) & mask
                            guard region.contains(home) else { continue }
                            let probe = Self.probe(other, c, hash: h, from: home, within: region, arena: arena, starts: starts,
                                                   table: table, remap: remap, placed: placed)
                            if probe < 0 { crossing.append(c) } else { probes.record(probe) }
                        }
                        return (crossing, probes)
                    }
                    // Probes that reached their region's end, in chunk order, with the whole table.
                    for c in deferred.map(\.crossing).joined().sorted() {
                        let h = otherHashes[c]
                        let probe = Self.probe(other, c, hash: h, from: Int(truncatingIfNeeded: h) & table.mask, within: nil,
                                               arena: arena, starts: starts, table: table, remap: remap, placed: placed)
                        crossingProbes.record(probe)
                    }
                }
            }
        }}}
        // 2. New strings get the next codes, in the chunk's order.
        appendNew(other, remap: &remap)
        // 3. Fill the reserved slots with the codes.
        slots.withMutableSlots { table in
            Parallel.forEach(Parallel.ranges(n, minimumPerPart: 1 << 15)) { chunk in
                for c in chunk {
                    // Each fill is a cache miss on the table: its slot is loaded `slotDistance` strings ahead.
                    if c + Self.slotDistance < chunk.upperBound, placed[c + Self.slotDistance] >= 0 {
                        siklus_prefetch(table.address(Int(placed[c + Self.slotDistance])))
                    }
                    guard placed[c] >= 0 else { continue }
                    let i = Int(placed[c])
                    table.setField(i, SlotTable.field(code: remap[c], long: table.field(i) & SlotTable.long != 0))
                }
            }
        }
        self.slots = slots
        for region in deferred { probes.record(region.probes) }
        probes.record(crossingProbes)
        if !SlotTable.Load.steady.holds(count, in: slots.capacity) {
            // The union passed the steady load: grown now (the rehash measures the probes afresh).
            reserveForMerge(count, bytes: arena.count)
        } else if probes.longest > probeLimit {
            rekey()
        }
        return remap
    }

    /// Room for `total` strings of `bytes` in all, the arrays growing at least twofold: a file's chunks are
    /// merged one after another (a gzip file's 8 MiB blocks, ~120 at 5M customers), and reserving each
    /// merge's exact need copied every array at every merge, quadratic in the blocks (~15 % of a 5M gzip
    /// load's CPU, in copies and page faults). Spare capacity is never written: its pages are not resident.
    /// The table is sized for `total` at `load` (`SlotTable.Load`).
    mutating func reserveForMerge(_ total: Int, bytes: Int, load: SlotTable.Load = .steady) {
        reserveArrays(total, arenaBytes: bytes, growingTwofold: true)
        // A large table grows on all cores.
        let capacity = load.capacity(for: total, from: slots.capacity)
        if capacity > slots.capacity {
            if capacity >= Self.concurrentRehashSlots {
                if rehashConcurrently(capacity) > probeLimit { rekey() }
            } else if rehash(capacity) > probeLimit {
                rekey()
            }
        }
    }

    /// Appends `other`'s strings not found (`remap` -1), in its order, giving each its code in `remap`, on all
    /// cores: each part of `other`'s strings counts its new ones and their bytes, then copies them to its place
    /// (at 5M customers ~1.5M new ids, 25–38 ms of the merge on one core). New strings usually come in long runs
    /// (often the whole chunk), each copied as one block of text.
    /// - Complexity: O(n + bytes of the new strings).
    private mutating func appendNew(_ other: StringDictionary, remap: inout [Int32]) {
        let parts = Parallel.ranges(remap.count, minimumPerPart: 1 << 16)
        let tallies: [(strings: Int, bytes: Int)] = remap.withUnsafeBufferPointer { remap in
            other.starts.withUnsafeBufferPointer { from in
                let shared = SendableBox((remap, from))
                return Parallel.map(parts.count) { p in
                    let (remap, from) = shared.value
                    var strings = 0, bytes = 0
                    for c in parts[p] where remap[c] < 0 { strings += 1; bytes += from[c + 1] - from[c] }
                    return (strings, bytes)
                }
            }
        }
        // Each part's first code and first byte in the arena.
        var firstCode: [Int] = [], firstByte: [Int] = []
        var code = count, byte = arena.count
        for tally in tallies {
            firstCode.append(code); firstByte.append(byte)
            code += tally.strings; byte += tally.bytes
        }
        guard code > count else { return }
        let oldCount = count
        arena.append(contentsOf: repeatElement(0, count: byte - arena.count))
        starts.append(contentsOf: repeatElement(0, count: code - oldCount))
        arena.withUnsafeMutableBytes { arena in
            starts.withUnsafeMutableBufferPointer { starts in
                remap.withUnsafeMutableBufferPointer { remap in
                    other.arena.withUnsafeBytes { text in
                        other.starts.withUnsafeBufferPointer { from in
                            let shared = SendableBox((arena, starts, remap, text, from))
                            _ = Parallel.map(parts.count) { p in
                                let (arena, starts, remap, text, from) = shared.value
                                let part = parts[p]
                                var code = firstCode[p], at = firstByte[p]
                                var c = part.lowerBound
                                while c < part.upperBound {
                                    guard remap[c] < 0 else { c += 1; continue }
                                    var end = c + 1
                                    while end < part.upperBound, remap[end] < 0 { end += 1 }
                                    let bytes = from[end] - from[c]
                                    if bytes > 0 { (arena.baseAddress! + at).copyMemory(from: text.baseAddress! + from[c], byteCount: bytes) }
                                    let shift = at - from[c]
                                    for k in c..<end {
                                        starts[code + 1] = from[k + 1] + shift
                                        remap[k] = Int32(code)
                                        code += 1
                                    }
                                    at += bytes
                                    c = end
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// `count` copies of `value`, written by all cores: at 5M customers the two remap arrays are 48 MB of fresh
    /// pages, and one core filling them took 15–23 ms of the merge.
    private static func filled<T>(_ value: T, count: Int) -> [T] {
        [T](unzeroedCount: count) { out in
            let target = SendableBox(out)
            Parallel.forEach(Parallel.ranges(count, minimumPerPart: 1 << 16)) { range in
                (target.value.baseAddress.unsafelyUnwrapped + range.lowerBound).initialize(repeating: value, count: range.count)
            }
        }
    }

    /// How many strings ahead a probe's slot starts loading: far enough for the load to arrive, near enough
    /// to stay in cache (as `PendingCustomerIDs` does for the parser).
    private static let slotDistance = 16

    /// Starts loading the slot where the probe for `h` starts, when it is in `region`.
    @inline(__always)
    private static func prefetchSlot(_ h: UInt64, table: SlotTable.Slots, within region: Range<Int>) {
        let home = Int(truncatingIfNeeded: h) & table.mask
        if region.contains(home) { siklus_prefetch(table.address(home)) }
    }

    /// Probes for `other`'s string `c` from `home`: records its code when present, else reserves the empty
    /// slot that ends the probe. Returns the probe's length, or -1, touching nothing, when the probe would
    /// leave `region`.
    @inline(__always)
    private static func probe(_ other: StringDictionary, _ c: Int, hash h: UInt64, from home: Int, within region: Range<Int>?,
                              arena: UnsafeRawBufferPointer, starts: UnsafeBufferPointer<Int>, table: SlotTable.Slots,
                              remap: UnsafeMutableBufferPointer<Int32>, placed: UnsafeMutableBufferPointer<Int32>) -> Int {
        let mask = table.mask
        return other.arena.withUnsafeBytes { otherArena in
            let text = UnsafeRawBufferPointer(rebasing: otherArena[other.starts[c]..<other.starts[c + 1]])
            let (word, long) = slotWord(text, hash: h)
            var i = home
            while true {
                let field = table.field(i)
                if field == 0 {
                    // A placeholder: the chunk's code, and whether the word is a hash (kept when the code is filled in).
                    table.set(i, word: word, field: SlotTable.pending | long | UInt32(c))
                    placed[c] = Int32(i)
                    return (i &- home) & mask
                }
                // Placeholders stand for other strings of the same chunk, which are all distinct: never a match.
                if let code = Self.code(in: table, at: i, field: field, word: word, long: long, bytes: text, arena: arena, starts: starts) {
                    remap[c] = code
                    return (i &- home) & mask
                }
                i = (i + 1) & mask
                if let region, i == region.upperBound || i == 0 { return -1 }
            }
        }
    }
}
