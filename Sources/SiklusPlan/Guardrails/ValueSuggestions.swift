import SiklusLanguage

/// "Did you mean" for a data value: country names typed for their ISO codes (`Indonesia` → `ID`), then
/// the values within edit distance (`purchases` → `purchase`), then values that start with the typed text
/// or that it starts with, ignoring case.
enum ValueSuggestions {
    /// The hint, or nil when nothing is close.
    static func hint(for text: String, among values: [String]) -> String? {
        let candidates = Array(values.prefix(ValueCheck.suggestionCandidates))
        var close: [String] = []
        if let code = CountryNames.code(of: text), candidates.contains(code) { close.append(code) }
        close += suggestions(for: text, among: candidates)
        let folded = text.lowercased()
        if folded.count >= 3 {
            close += candidates.filter { value in
                let other = value.lowercased()
                return other.count >= 3 && (other.hasPrefix(folded) || folded.hasPrefix(other))
            }
        }
        var seen = Set<String>()
        let named = close.filter { seen.insert($0).inserted }.prefix(3).map { "`\($0)`" }
        switch named.count {
        case 0: return nil
        case 1: return "did you mean \(named[0])?"
        default: return "did you mean \(named.dropLast().joined(separator: ", ")) or \(named[named.count - 1])?"
        }
    }
}
