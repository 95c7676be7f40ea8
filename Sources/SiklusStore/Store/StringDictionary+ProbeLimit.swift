/// The bound on probe lengths, and its fallback.
///
/// With a random key and the table at most five eighths full, linear probes are a few slots long and the
/// longest of millions stays under a hundred. An insert that probes past `probeLimit` means the key is known
/// to whoever wrote the ids, or the mix has a weakness (or, in tests, the hash is degenerate): the dictionary then draws
/// a fresh random key of its own and rehashes every string; if that does not help either, it switches to
/// SipHash under a random key. Codes never change, so results and their order do not depend on the key.
extension StringDictionary {
    /// Probe lengths of a dictionary's inserts, counted in slots passed before the one taken.
    struct ProbeStatistics: Equatable, Sendable {
        /// Sum over every insert (and every string placed by a rehash or a concurrent merge).
        var total = 0
        /// The longest probe under the current key.
        var longest = 0
        /// How many times the dictionary drew a new key because a probe passed the limit.
        var rekeys = 0
    }

    /// Above the longest probe random keys give (about 95 for 10M strings five eighths full; only beyond ~100M
    /// strings may one pass it by chance, costing one rehash under a new key, codes unchanged); low enough
    /// that a lookup never scans more than a few cache lines.
    static let initialProbeLimit = 128

    /// Places every string in a table of `capacity` slots; returns the longest probe. The old table is read
    /// in slot order and nothing else (hashes come from the slots: `slotHash`), so both tables are walked
    /// nearly in order; `fromArena` (a new key) hashes long strings again from their bytes.
    /// - Complexity: O(count + capacity) expected.
    @discardableResult
    mutating func rehash(_ capacity: Int, fromArena: Bool = false) -> Int {
        var next = SlotTable(capacity: capacity)
        var longest = 0, total = 0
        let key = hashKey
        next.withMutableSlots { next in
            slots.withSlots { old in
                arena.withUnsafeBytes { arena in
                    starts.withUnsafeBufferPointer { starts in
                        for i in 0...old.mask {
                            let field = old.field(i)
                            if field == 0 { continue }
                            var word = old.word(i)
                            if fromArena, field & SlotTable.long != 0 {
                                let code = SlotTable.code(field)
                                word = key.hash(UnsafeRawBufferPointer(rebasing: arena[starts[code]..<starts[code + 1]]))
                            }
                            let home = Int(truncatingIfNeeded: Self.slotHash(word: word, field: field, key: key)) & next.mask
                            let probe = next.place(word: word, field: field, home: home)
                            total &+= probe
                            longest = max(longest, probe)
                        }
                    }
                }
            }
        }
        slots = next
        probes.total &+= total
        probes.longest = longest
        return longest
    }

    /// Draws a fresh random key and rehashes every string under it, until the longest probe is within the
    /// limit: a fresh wyhash key first, then SipHash keys. A random key gets there the first time; should
    /// SipHash not, the limit doubles each round, so this ends after at most log2(capacity) rounds.
    /// - Complexity: O(total length of the strings) per round.
    mutating func rekey() {
        repeat {
            hashKey = !fallbackKeysForTesting.isEmpty ? fallbackKeysForTesting.removeFirst()
                : probes.rekeys == 0 ? .random() : .randomStrong()
            usesProcessKey = false
            probes.rekeys += 1
            if rehash(slots.capacity, fromArena: true) <= probeLimit { return }
            if hashKey.isStrong { probeLimit *= 2 }
        } while true
    }
}

extension StringDictionary.ProbeStatistics {
    /// Counts one probe of `length` slots.
    mutating func record(_ length: Int) {
        total &+= length
        longest = max(longest, length)
    }

    /// Adds another count (a region of a concurrent merge).
    mutating func record(_ other: Self) {
        total &+= other.total
        longest = max(longest, other.longest)
    }
}
