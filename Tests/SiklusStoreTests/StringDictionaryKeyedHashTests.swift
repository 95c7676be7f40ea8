import XCTest
import SiklusTestSupport
@testable import SiklusStore

/// The dictionary's keyed hash and its probe limit: ids crafted to collide cannot make interning quadratic,
/// and codes never depend on the key.
final class StringDictionaryKeyedHashTests: XCTestCase {
    /// 16-byte ids that all had one hash under the old unkeyed hash (its word step is invertible, so the
    /// second word can cancel whatever the first did): 160k of them took 48 s to load.
    private func idsCollidingUnderTheOldHash(_ count: Int) -> [[UInt8]] {
        func step(_ h: UInt64, _ w: UInt64) -> UInt64 {
            var h = (h ^ w) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            return h
        }
        let start: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ 16, target: UInt64 = 0x1234_5678
        return (0..<count).map { i in
            // "id" and six digits, then a second word that cancels the first.
            let digits = String(i + 1_000_000).utf8.suffix(6)
            let first = (Array("id".utf8) + digits).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
            let second = step(start, first) ^ target
            return withUnsafeBytes(of: (first.littleEndian, second.littleEndian)) { Array($0) }
        }
    }

    /// The old hash, to show the crafted ids really collided under it.
    private func oldHash(_ bytes: [UInt8]) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        bytes.withUnsafeBytes { raw in
            for i in stride(from: 0, to: 16, by: 8) {
                h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
                h ^= h >> 32
            }
        }
        h ^= h >> 29
        h = h &* 0xBF58_476D_1CE4_E5B9
        return h ^ (h >> 32)
    }

    private func intern(_ ids: [[UInt8]], into dictionary: inout StringDictionary) -> [Int32] {
        ids.map { id in id.withUnsafeBytes { dictionary.intern($0) } }
    }

    func testIdsCraftedAgainstTheOldHashSpreadUnderAKey() {
        let ids = idsCollidingUnderTheOldHash(50_000)
        XCTAssertEqual(Set(ids.map(oldHash)).count, 1, "the fixture collides under the unkeyed hash")
        XCTAssertEqual(Set(ids).count, ids.count)
        for seed: UInt64 in [0, 42, 0xDEAD_BEEF] {
            var dictionary = StringDictionary(hashKey: DictionaryHashKey(seed: seed))
            XCTAssertEqual(intern(ids, into: &dictionary), (0..<Int32(ids.count)).map { $0 })
            // Under the old hash the n-th id probed past n - 1 others: about n²/2 = 1.25e9 slots in all.
            XCTAssertLessThan(dictionary.probes.longest, 64, "seed \(seed)")
            XCTAssertLessThan(dictionary.probes.total, 3 * ids.count, "seed \(seed)")
            XCTAssertEqual(dictionary.probes.rekeys, 0, "seed \(seed): a random-looking hash never needs the fallback")
        }
    }

    func testAFileOfCraftedIdsLoadsWithShortProbes() throws {
        // The reported attack end to end: a CSV whose ids all shared one hash under the old hash (ids whose
        // bytes could break a CSV row are left out). The loader's own hashing must be the keyed one.
        let bad: Set<UInt8> = [0, 10, 13, UInt8(ascii: ","), UInt8(ascii: "\"")]
        let ids = idsCollidingUnderTheOldHash(40_000).filter { id in id.allSatisfy { $0 >= 0x20 && !bad.contains($0) } }
        XCTAssertGreaterThan(ids.count, 5_000)
        var file = Array("customer_id,ts,event\n".utf8)
        for id in ids { file += id + Array(",2022-09-14,visit\n".utf8) }
        let files = TestFiles()
        let path = files.write("crafted.csv", bytes: file)
        for loadPath in LoadPath.allCases {
            var store = Store()
            let report = try store.load(.events, path: path, options: loadPath.options())
            XCTAssertEqual(report.rowsLoaded, ids.count, "[\(loadPath)]")
            XCTAssertEqual(store.customerIDs.count, ids.count, "[\(loadPath)]")
            XCTAssertLessThan(store.customerIDs.probes.longest, 64, "[\(loadPath)]")
            XCTAssertEqual(store.customerIDs.probes.rekeys, 0, "[\(loadPath)]")
        }
    }

    func testADegenerateHashIsRekeyedBeforeProbesGrowPastTheLimit() {
        // As if the ids were crafted against a known key: every one hashes alike until the dictionary rekeys.
        var dictionary = StringDictionary(hashKey: DictionaryHashKey(seed: 7, degenerate: true))
        let ids = (0..<60_000).map { "c\($0)" }
        for (i, id) in ids.enumerated() where dictionary.intern(id) != Int32(i) { return XCTFail("code of \(id)") }
        XCTAssertEqual(dictionary.probes.rekeys, 1)
        XCTAssertFalse(dictionary.hashKey.isDegenerate)
        XCTAssertLessThanOrEqual(dictionary.probes.longest, StringDictionary.initialProbeLimit)
        // Without the limit: 60k²/2 = 1.8e9 slots. With it: the first 129 ids, then linear.
        XCTAssertLessThan(dictionary.probes.total, 200_000)
        // Every way in still finds the same codes after the rekey, including the loader's precomputed hash.
        for (i, id) in ids.enumerated() where i % 97 == 0 {
            XCTAssertEqual(dictionary.code(of: id), Int32(i))
            let viaProcessHash = Array(id.utf8).withUnsafeBytes { dictionary.code(of: $0, hash: StringDictionary.hash($0)) }
            XCTAssertEqual(viaProcessHash, Int32(i))
        }
        XCTAssertEqual(Array("new".utf8).withUnsafeBytes { dictionary.intern($0, hash: StringDictionary.hash($0)) }, Int32(ids.count))
        dictionary.truncate(to: 10)
        XCTAssertEqual(dictionary.strings, Array(ids.prefix(10)))
        XCTAssertNil(dictionary.code(of: ids[10]))
    }

    func testWhenAFreshKeyDoesNotHelpTheDictionarySwitchesToSipHash() {
        // As if the mix itself had a weakness: the fresh key drawn on the first rekey collides too.
        var dictionary = StringDictionary(hashKey: DictionaryHashKey(seed: 7, degenerate: true))
        dictionary.fallbackKeysForTesting = [DictionaryHashKey(seed: 8, degenerate: true)]
        let ids = (0..<20_000).map { "s\($0)" }
        for (i, id) in ids.enumerated() where dictionary.intern(id) != Int32(i) { return XCTFail("code of \(id)") }
        XCTAssertEqual(dictionary.probes.rekeys, 2)
        XCTAssertTrue(dictionary.hashKey.isStrong)
        XCTAssertEqual(dictionary.probeLimit, StringDictionary.initialProbeLimit, "the limit holds")
        XCTAssertLessThanOrEqual(dictionary.probes.longest, StringDictionary.initialProbeLimit)
        XCTAssertLessThan(dictionary.probes.total, 100_000)
        for (i, id) in ids.enumerated() where i % 37 == 0 {
            XCTAssertEqual(dictionary.code(of: id), Int32(i))
            XCTAssertEqual(Array(id.utf8).withUnsafeBytes { dictionary.code(of: $0, hash: StringDictionary.hash($0)) }, Int32(i))
        }
        XCTAssertEqual(dictionary.strings, ids)
    }

    func testAMergeThatRekeysHalfwayStillFindsEveryString() {
        // Both share a degenerate key, so the merge starts by reusing the other's hashes; the target then
        // rekeys partway, after which those hashes are under the wrong key and must not be used.
        let key = DictionaryHashKey(seed: 7, degenerate: true)
        var other = StringDictionary(hashKey: key)
        other.probeLimit = .max
        let values = (0..<400).map { "m\($0)" }
        for value in values { other.intern(value) }
        var target = StringDictionary(hashKey: key)
        target.intern("first")
        let remap = target.merge(other)
        XCTAssertEqual(target.probes.rekeys, 1)
        XCTAssertEqual(remap, (1...Int32(values.count)).map { $0 })
        for (i, value) in values.enumerated() { XCTAssertEqual(target.code(of: value), Int32(i + 1), value) }
        XCTAssertEqual(target.code(of: "first"), 0)
    }

    func testCodesAndOrderAreTheSameWhateverTheKey() {
        var rng = SplitMix64(seed: 5)
        let values = (0..<20_000).map { _ in "id\(rng.int(0..<6_000))" }
        let keys = [DictionaryHashKey(seed: 1), DictionaryHashKey(seed: 2), DictionaryHashKey(seed: 3, degenerate: true), .process,
                    .randomStrong()]
        var results: [([Int32], [String])] = []
        for key in keys {
            var dictionary = StringDictionary(hashKey: key)
            let codes = values.map { dictionary.intern($0) }
            results.append((codes, dictionary.strings))
        }
        for (k, result) in results.enumerated().dropFirst() {
            XCTAssertEqual(result.0, results[0].0, "codes under key \(k)")
            XCTAssertEqual(result.1, results[0].1, "order under key \(k)")
        }
    }

    func testConcurrentMergeGivesTheSameCodesWhateverTheKey() {
        // Large enough for the per-core path when both share a key; the serial path when they do not.
        var rng = SplitMix64(seed: 9)
        let known = (0..<30_000).map { "k\($0)" }
        let chunk = (0..<90_000).map { i in rng.chance(0.3) ? known[rng.int(0..<known.count)] : "n\(i)" }
        var remaps: [[Int32]] = [], merged: [[String]] = []
        for (baseKey, chunkKey) in [(DictionaryHashKey(seed: 1), DictionaryHashKey(seed: 1)),
                                    (DictionaryHashKey(seed: 2), DictionaryHashKey(seed: 2)),
                                    (DictionaryHashKey(seed: 3), DictionaryHashKey(seed: 4))] {
            var base = StringDictionary(hashKey: baseKey), other = StringDictionary(hashKey: chunkKey)
            for value in known { base.intern(value) }
            for value in chunk { other.intern(value) }
            remaps.append(base.mergeConcurrently(other))
            merged.append(base.strings)
            XCTAssertLessThan(base.probes.longest, 64)
            for code in stride(from: 0, to: base.count, by: 11) { XCTAssertEqual(base.code(of: base[Int32(code)]), Int32(code)) }
        }
        XCTAssertEqual(remaps[1], remaps[0])
        XCTAssertEqual(remaps[2], remaps[0])
        XCTAssertEqual(merged[1], merged[0])
        XCTAssertEqual(merged[2], merged[0])
    }

    func testNoInputCollidesWhateverTheSeed() {
        // With wyhash's public secret XORed into the first word, ids starting with that secret made the
        // multiply zero for every seed: all of them shared one hash. Both factors are keyed now.
        // A 16-byte id's first factor is its bytes 0–3 (high half) and 8–11 (low half); 4–7 and 12–15 vary.
        let high = UInt32(truncatingIfNeeded: StringDictionary.secret1 >> 32), low = UInt32(truncatingIfNeeded: StringDictionary.secret1)
        let ids: [[UInt8]] = (0..<5_000).map { i in
            withUnsafeBytes(of: (high.littleEndian, UInt32(i).littleEndian, low.littleEndian, UInt32(i * 7).littleEndian)) { Array($0) }
        }
        for seed: UInt64 in [1, 99] {
            let key = DictionaryHashKey(seed: seed)
            XCTAssertEqual(Set(ids.map { id in id.withUnsafeBytes { key.hash($0) } }).count, ids.count, "seed \(seed)")
            var dictionary = StringDictionary(hashKey: key)
            _ = intern(ids, into: &dictionary)
            XCTAssertLessThan(dictionary.probes.longest, 64, "seed \(seed)")
        }
    }

    func testHashSpreadsLengthsAndTails() {
        // Strings of every length up to 40 that differ in one byte anywhere hash apart (the 4-byte and
        // 16-byte reads overlap; a byte must never fall between them).
        let key = DictionaryHashKey(seed: 11)
        var hashes = Set<UInt64>(), count = 0
        for length in 0...40 {
            for position in 0..<max(1, length) {
                var bytes = [UInt8](repeating: 0x61, count: length)
                if length > 0 { bytes[position] = 0x62 }
                hashes.insert(bytes.withUnsafeBytes { key.hash($0) })
                count += 1
            }
        }
        XCTAssertEqual(hashes.count, count)
    }
}
