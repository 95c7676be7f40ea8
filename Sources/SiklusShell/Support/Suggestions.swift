/// "Did you mean" suggestions by edit distance, shared by meta-commands, `help` topics and modes.
enum Suggestions {
    /// The candidates closest to `word`, best first; empty when nothing is close enough to be a likely typo.
    ///
    /// Uses the optimal-string-alignment distance so a swapped pair (`mdoe` → `mode`) costs 1, and
    /// also offers candidates that `word` is a prefix of (`tim` → `timer`).
    static func closest(to word: String, in candidates: [String], limit: Int = 3) -> [String] {
        let lowered = word.lowercased()
        guard !lowered.isEmpty else { return [] }
        let threshold = max(1, min(3, (lowered.count + 2) / 3))
        var scored: [(candidate: String, distance: Int)] = []
        for candidate in Set(candidates) {
            let other = candidate.lowercased()
            if other == lowered { continue }
            if other.hasPrefix(lowered) {
                scored.append((candidate, 0))
                continue
            }
            let distance = editDistance(lowered, other)
            if distance <= threshold { scored.append((candidate, distance)) }
        }
        scored.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.candidate < $1.candidate }
        return scored.prefix(limit).map(\.candidate)
    }

    /// A `help:` hint line body such as "did you mean `.mode`?", or nil when nothing is close.
    static func hint(for word: String, in candidates: [String], quoting transform: (String) -> String = { $0 }) -> String? {
        let found = closest(to: word, in: candidates)
        guard !found.isEmpty else { return nil }
        let names = found.map { "`\(transform($0))`" }
        if names.count == 1 { return "did you mean \(names[0])?" }
        return "did you mean " + names.dropLast().joined(separator: ", ") + " or \(names[names.count - 1])?"
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous2 = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    best = min(best, previous2[j - 2] + 1)
                }
                current[j] = best
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[y.count]
    }
}
