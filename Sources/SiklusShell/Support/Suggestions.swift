import SiklusLanguage

/// "Did you mean" suggestions for shell words (meta-commands, `help` topics, modes): the language's edit
/// distance, plus prefix matches (`tim` → `timer`), which suit short command names.
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
            let distance = EditDistance.between(lowered, other)
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
        if names.count == 1 { return MessageCatalog.text("diag.did_you_mean_one", ["first": names[0]]) }
        return MessageCatalog.text("diag.did_you_mean_many", ["list": names.dropLast().joined(separator: ", "), "last": names[names.count - 1]])
    }
}
