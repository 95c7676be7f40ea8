import SiklusMessages

/// A sentence the loader says (a load error's message or hint, a skipped row's reason, a report's note) as
/// a value: an enum case with its arguments, worded from the message catalogs (SiklusLanguage) under one
/// key per case. The store chooses no language: `text(in:)` words it in the one asked for (the engine asks
/// for the session's), `description` in English, where no language is known (tests, the fuzzer).
public protocol LoadSentence: Sendable, CustomStringConvertible {
    /// The catalog key and the placeholders' values, a value that is a phrase of its own (a system
    /// error's reason, a listing) worded in `language` too.
    func phrase(in language: Language) -> (key: String, arguments: [String: String])
}

extension LoadSentence {
    /// The sentence in `language`.
    /// - Complexity: O(template length + total argument length).
    public func text(in language: Language) -> String {
        let phrase = phrase(in: language)
        return MessageCatalog.text(phrase.key, arguments: phrase.arguments, in: language)
    }

    /// The sentence in English.
    public var description: String { text(in: .en) }
}
