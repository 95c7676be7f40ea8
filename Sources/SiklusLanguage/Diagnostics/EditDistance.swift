/// Edit distances between words, for "did you mean" hints.
public enum EditDistance {
    /// The optimal-string-alignment (restricted Damerau–Levenshtein) distance between `a` and `b`,
    /// compared by Unicode scalar and ignoring case: the fewest insertions, deletions, substitutions
    /// and swaps of adjacent characters that turn one into the other (`cohrot` → `cohort` is 1).
    /// - Complexity: O(`a.count` × `b.count`) time, O(`b.count`) extra space.
    public static func between(_ a: String, _ b: String) -> Int {
        distance(foldedScalars(a), foldedScalars(b))
    }

    /// The lowercased Unicode scalar values of `text`, the unit that distances count.
    static func foldedScalars(_ text: String) -> [UInt32] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.utf8.map { UInt32(asciiLowercase($0)) } }
        return text.lowercased().unicodeScalars.map(\.value)
    }

    /// The optimal-string-alignment distance between two scalar sequences.
    static func distance(_ source: [UInt32], _ target: [UInt32]) -> Int {
        if source.isEmpty { return target.count }
        if target.isEmpty { return source.count }
        var beforePrevious = [Int](repeating: 0, count: target.count + 1)
        var previous = Array(0...target.count)
        var current = [Int](repeating: 0, count: target.count + 1)
        for i in 1...source.count {
            current[0] = i
            for j in 1...target.count {
                let cost = source[i - 1] == target[j - 1] ? 0 : 1
                var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, source[i - 1] == target[j - 2], source[i - 2] == target[j - 1] {
                    best = min(best, beforePrevious[j - 2] + 1)
                }
                current[j] = best
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[target.count]
    }

    /// The largest distance at which `word` still gets a suggestion: `max(1, word.count / 3)`.
    public static func threshold(for word: String) -> Int {
        max(1, word.count / 3)
    }
}

/// Candidates close to `word` by edit distance, nearest first (ties keep the candidates' order),
/// without duplicates. A candidate qualifies when its distance to `word`, ignoring case, is at most
/// `max(1, word.count / 3)`, so `avg_ordr` finds `avg_order` but `xyz` finds nothing in `[cohort]`.
///
///     suggestions(for: "cohrot", among: ["cohort", "events", "load"])   // ["cohort"]
/// - Complexity: O(k × n × m) for k candidates of length m and a word of length n.
public func suggestions(for word: String, among candidates: [String]) -> [String] {
    let limit = EditDistance.threshold(for: word)
    let folded = EditDistance.foldedScalars(word)
    var seen = Set<String>()
    var scored: [(distance: Int, order: Int, candidate: String)] = []
    for order in candidates.indices {
        let candidate = candidates[order]
        guard seen.insert(candidate).inserted else { continue }
        let other = EditDistance.foldedScalars(candidate)
        guard abs(other.count - folded.count) <= limit else { continue }
        let distance = EditDistance.distance(folded, other)
        if distance <= limit { scored.append((distance, order, candidate)) }
    }
    scored.sort { ($0.distance, $0.order) < ($1.distance, $1.order) }
    return scored.map(\.candidate)
}
