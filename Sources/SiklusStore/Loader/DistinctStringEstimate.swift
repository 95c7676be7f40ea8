import Foundation

/// How many distinct strings several dictionaries hold together, estimated (HyperLogLog: 4,096 one-byte
/// registers, ~1.6 % standard error) without building their union.
///
/// A gzip file's ~120 block dictionaries are merged one after another into the final one, whose slot table
/// then doubled, and was rehashed on one core, every time it half filled (~5 % of a 5M load's CPU, all of it
/// serial). Sized once for the estimate, it is rehashed once, while it holds only the first block's ids.
struct DistinctStringEstimate {
    private static let indexBits = 12
    /// Distinct strings, estimated.
    let count: Int

    /// - Complexity: O(total strings) hashes, on all cores.
    init(_ dictionaries: [StringDictionary]) {
        let m = 1 << Self.indexBits
        let parts = Parallel.map(dictionaries.count) { k in Self.registers(of: dictionaries[k], m: m) }
        var registers = [UInt8](repeating: 0, count: m)
        for part in parts { for j in 0..<m { registers[j] = max(registers[j], part[j]) } }
        let alpha = 0.7213 / (1 + 1.079 / Double(m))
        let sum = registers.reduce(0.0) { $0 + 1 / Double(UInt64(1) << UInt64($1)) }
        var estimate = alpha * Double(m) * Double(m) / sum
        // Few strings: most registers are still empty, and counting them is the better estimate.
        let empty = registers.filter { $0 == 0 }.count
        if estimate <= 2.5 * Double(m), empty > 0 { estimate = Double(m) * log(Double(m) / Double(empty)) }
        count = Int(estimate.rounded())
    }

    /// One dictionary's registers: per string, the top bits of its hash pick a register, which keeps the
    /// longest run of leading zeros seen in the other bits (plus one).
    private static func registers(of dictionary: StringDictionary, m: Int) -> [UInt8] {
        var registers = [UInt8](repeating: 0, count: m)
        for code in 0..<dictionary.count {
            // The process's key for every dictionary (a rekeyed one's own key would count its strings apart).
            let h = dictionary.withBytes(of: Int32(code)) { StringDictionary.hash($0) }
            let j = Int(h >> UInt64(64 - indexBits))
            let rank = UInt8(min(64 - indexBits, (h << UInt64(indexBits)).leadingZeroBitCount) + 1)
            if rank > registers[j] { registers[j] = rank }
        }
        return registers
    }
}
