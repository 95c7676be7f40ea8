/// A sentence as a value: an enum case with its arguments, worded from the message catalogs under one key
/// per case, in whichever language is asked for. The loader's errors and notes (`LoadSentence`), the value
/// models' fit errors and the result tables' titles are sentences, so no English text is ever read back
/// to be translated: English and Indonesian are both worded from the value.
public protocol CatalogSentence: Sendable, CustomStringConvertible {
    /// The catalog key and the placeholders' values, a value that is a phrase of its own (a system
    /// error's reason, a listing, a period's name) worded in `language` too.
    func phrase(in language: Language) -> (key: String, arguments: [String: String])
}

extension CatalogSentence {
    /// The sentence in `language`.
    /// - Complexity: O(template length + total argument length).
    public func text(in language: Language) -> String {
        let phrase = phrase(in: language)
        return MessageCatalog.text(phrase.key, arguments: phrase.arguments, in: language)
    }

    /// The sentence in English, where no language is known (tests, logs, the English golden files).
    public var description: String { text(in: .en) }
}
