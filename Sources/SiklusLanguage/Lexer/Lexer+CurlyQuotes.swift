/// Curly quotes (issue 15): text pasted from a slide or a word processor arrives as `“social”` or
/// `‘paid search’`. A token that starts with one is a string, as if the quotes were straight: a string
/// opened by `“` or `”` ends at the next `“`, `”` or `"`; one opened by `‘` or `’` at the next `‘`, `’`
/// or `'`. Strings opened by a straight quote are unchanged (they end only at that quote, so `"say “hi”"`
/// keeps its curly quotes), and a `’` inside a word (`customer’s`) stays part of the word.
enum CurlyQuote {
    /// The UTF-8 bytes of `“` `”` `‘` `’` are E2 80 9C, 9D, 98, 99.
    static let lead: (UInt8, UInt8) = (0xE2, 0x80)

    /// The straight quote a curly one at `bytes[i]` stands for, or nil when none starts there.
    static func straight(_ bytes: [UInt8], at i: Int) -> UInt8? {
        guard i + 2 < bytes.count, bytes[i] == lead.0, bytes[i + 1] == lead.1 else { return nil }
        switch bytes[i + 2] {
        case 0x9C, 0x9D: return UInt8(ascii: "\"")
        case 0x98, 0x99: return UInt8(ascii: "'")
        default: return nil
        }
    }

    /// `text` (a string token opened by a curly quote) with its opening quote, and a curly closing one,
    /// made straight, for `StringLiteralDecoder`.
    static func straightened(_ bytes: [UInt8]) -> [UInt8] {
        guard let quote = straight(bytes, at: 0) else { return bytes }
        var out = [quote] + bytes[3...]
        if out.count >= 4, straight(Array(out[(out.count - 3)...]), at: 0) == quote {
            out.removeLast(3)
            out.append(quote)
        }
        return out
    }
}
