import Foundation
import SiklusLanguage

/// An English sentence built by a part of Siklus that keeps no messages (the value models' fit errors, the
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

    /// The pattern of catalog message `key` whose English template is the sentence itself: its literal text
    /// escaped, each `{name}` a lazy group. Matching it and filling the English template again gives the
    /// sentence back byte for byte. Two placeholders must not touch (`{a}{b}` cannot be split).
    public init(englishTemplateOf key: String) {
        var regex = "", names: [String] = []
        var rest = Substring(MessageCatalog.templates(.en)[key] ?? key)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            regex += NSRegularExpression.escapedPattern(for: String(rest[..<open])) + "(.*?)"
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        self.init(regex + NSRegularExpression.escapedPattern(for: String(rest)), key, names)
    }

    /// The first of `patterns` that words `text`, or nil.
    public static func word(_ text: String, _ patterns: [EnglishPhrasePattern],
                            value transform: (_ name: String, _ value: String) -> String = { $1 }) -> String? {
        for pattern in patterns { if let worded = pattern.word(text, value: transform) { return worded } }
        return nil
    }

    /// The catalog keys starting with `prefix` as patterns (`init(englishTemplateOf:)`), the longest English
    /// template first, so that a template that is the start of another is tried after it.
    public static func templates(under prefix: String) -> [EnglishPhrasePattern] {
        let english = MessageCatalog.templates(.en)
        return english.keys.filter { $0.hasPrefix(prefix) }
            .sorted { (english[$0]?.count ?? 0, $0) > (english[$1]?.count ?? 0, $1) }
            .map { EnglishPhrasePattern(englishTemplateOf: $0) }
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
