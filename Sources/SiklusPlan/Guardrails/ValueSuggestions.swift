import SiklusLanguage

/// "Did you mean" for a data value: country names typed for their ISO codes (`Indonesia` → `ID`), then
/// the values within edit distance (`purchases` → `purchase`), then values that start with the typed text
/// or that it starts with, then values holding each of its words, ignoring case (`cart` and `add_cart` →
/// `add_to_cart`).
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
        close += sharingWords(with: folded, among: candidates)
        var seen = Set<String>()
        let named = close.filter { seen.insert($0).inserted }.prefix(3).map { "`\($0)`" }
        switch named.count {
        case 0: return nil
        case 1: return MessageCatalog.text("diag.did_you_mean_one", ["first": named[0]])
        default: return MessageCatalog.text("diag.did_you_mean_many", ["list": named.dropLast().joined(separator: ", "), "last": named[named.count - 1]])
        }
    }

    /// The values whose words (split at `_`, `-` and spaces) include every word of `folded` of three
    /// letters or more: the name's parts typed in another order or with one left out.
    private static func sharingWords(with folded: String, among candidates: [String]) -> [String] {
        func words(_ text: String) -> [Substring] { text.split(whereSeparator: { $0 == "_" || $0 == "-" || $0 == " " }) }
        let typed = words(folded).filter { $0.count >= 3 }
        guard !typed.isEmpty else { return [] }
        return candidates.filter { value in
            let own = Set(words(value.lowercased()))
            return typed.allSatisfy(own.contains)
        }
    }
}
