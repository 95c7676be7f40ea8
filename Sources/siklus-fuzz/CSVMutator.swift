/// Byte-level mutations of a small CSV file: the damage real exports have (flipped bytes, stray quotes,
/// CR-only or NUL bytes, extra or missing delimiters, truncation, repeated lines) plus splices of other seeds.
enum CSVMutator {
    /// `seed` damaged by one to six mutations, at most 64 KiB.
    static func mutate(_ seed: [UInt8], corpus: [[UInt8]], _ rng: inout FuzzRandom) -> [UInt8] {
        var bytes = seed
        for _ in 0..<rng.int(1...6) { apply(&bytes, corpus: corpus, &rng) }
        return Array(bytes.prefix(1 << 16))
    }

    private static let specials: [[UInt8]] = [
        [0x22], [0x22, 0x22], [0x0D], [0x0A], [0x0D, 0x0A], [0x00], [0x2C], [0x3B], [0x09], [0x7C], [0x5C],
        [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xC3], Array("9999-12-31".utf8), Array("999999999999999999".utf8),
        Array("-1e308".utf8), Array("NaN".utf8), Array("1970-01-01T00:00:00+99:99".utf8), Array(" ".utf8),
    ]

    private static func apply(_ bytes: inout [UInt8], corpus: [[UInt8]], _ rng: inout FuzzRandom) {
        let at = bytes.isEmpty ? 0 : rng.int(0...bytes.count)
        switch rng.int(0...9) {
        case 0 where !bytes.isEmpty:  // flip bits of one byte
            bytes[min(at, bytes.count - 1)] ^= UInt8(truncatingIfNeeded: 1 << rng.int(0...7))
        case 1 where !bytes.isEmpty:  // a random byte
            bytes[min(at, bytes.count - 1)] = UInt8(truncatingIfNeeded: rng.next())
        case 2, 3:  // a quote, CR, NUL, delimiter, BOM, extreme value…
            bytes.insert(contentsOf: rng.pick(specials), at: at)
        case 4:  // truncate
            bytes.removeSubrange(at...)
        case 5 where !bytes.isEmpty:  // delete a run
            bytes.removeSubrange(at..<min(bytes.count, at + rng.int(1...16)))
        case 6:  // repeat a line, up to many times
            let lines = split(bytes)
            guard let line = lines.isEmpty ? nil : rng.pick(lines) else { return }
            let copies = rng.chance(0.1) ? rng.int(50...400) : rng.int(1...3)
            let position = lineStart(bytes, near: at)
            for _ in 0..<copies { bytes.insert(contentsOf: line + [0x0A], at: position) }
        case 7:  // a line of another seed
            let lines = split(rng.pick(corpus))
            guard !lines.isEmpty else { return }
            bytes.insert(contentsOf: rng.pick(lines) + [0x0A], at: lineStart(bytes, near: at))
        case 8:  // every line ending from here on becomes CR-only
            for i in at..<bytes.count where bytes[i] == 0x0A { bytes[i] = 0x0D }
        default:  // swap two bytes
            guard bytes.count > 1 else { return }
            bytes.swapAt(min(at, bytes.count - 1), rng.int(0...(bytes.count - 1)))
        }
    }

    private static func split(_ bytes: [UInt8]) -> [[UInt8]] {
        bytes.split(separator: 0x0A, omittingEmptySubsequences: true).map(Array.init)
    }

    private static func lineStart(_ bytes: [UInt8], near index: Int) -> Int {
        var i = min(index, bytes.count)
        while i > 0, bytes[i - 1] != 0x0A { i -= 1 }
        return i
    }
}
