import Foundation
import SiklusLanguage

/// An English sentence built by a part of Siklus that keeps no messages (the loader's skip reasons, the
/// engine's result titles), recognised by a regular expression and worded again from a catalog key, its
/// captured groups filling the key's `{placeholders}`. Used where the sentence is shown, in another language.
public struct EnglishPhrasePattern: Sendable {
    let regex: NSRegularExpression
    let key: String
    let names: [String]

    /// `pattern` must match the whole text; `names` name its groups in order.
    public init(_ pattern: String, _ key: String, _ names: [String] = []) {
        // The patterns are literals of their files: a bad one is a programming mistake.
        guard let regex = try? NSRegularExpression(pattern: "^" + pattern + "$") else { preconditionFailure("bad pattern \(pattern)") }
        self.regex = regex
        self.key = key
        self.names = names
    }

    /// The worded text when `text` matches, else nil; `transform` words each captured value (a group that
    /// took no part, an optional `(…)?`, is empty).
    public func word(_ text: String, value transform: (_ name: String, _ value: String) -> String = { $1 }) -> String? {
        guard let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        var out = MessageCatalog.text(key)
        for (i, name) in names.enumerated() {
            let value = Range(match.range(at: i + 1), in: text).map { String(text[$0]) } ?? ""
            out = out.replacingOccurrences(of: "{" + name + "}", with: transform(name, value))
        }
        return out
    }
}
