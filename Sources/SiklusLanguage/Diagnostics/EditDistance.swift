/// Edit distances between words, for "did you mean" hints.
public enum EditDistance {
    /// The optimal-string-alignment (restricted Damerau–Levenshtein) distance between `a` and `b`,
    /// compared by `Character` and ignoring case: the fewest insertions, deletions, substitutions and
    /// swaps of adjacent characters that turn one into the other (`cohrot` → `cohort` is 1).
    /// - Complexity: O(`a.count` × `b.count`) time, O(`b.count`) extra space.
    public static func between(_ a: String, _ b: String) -> Int {
        let source = Array(a.lowercased()), target = Array(b.lowercased())
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
    var seen = Set<String>()
    var scored: [(distance: Int, order: Int, candidate: String)] = []
    for (order, candidate) in candidates.enumerated() where seen.insert(candidate).inserted {
        guard abs(candidate.count - word.count) <= limit else { continue }
        let distance = EditDistance.between(word, candidate)
        if distance <= limit { scored.append((distance, order, candidate)) }
    }
    scored.sort { ($0.distance, $0.order) < ($1.distance, $1.order) }
    return scored.map(\.candidate)
}
