/// Every message Siklus translates, by key, in one catalog file per language
/// (`MessageCatalog+English.swift`, `MessageCatalog+Indonesian.swift`), plus the parser's phrases in
/// their own pair (`MessageCatalog+ParserEnglish.swift`, `MessageCatalog+ParserIndonesian.swift`).
///
/// A message is a template with named placeholders, `unknown {what} `{word}``; `text` fills them in
/// the current language (`Language.current`), falling back to English for a key the Indonesian catalog
/// lacks (a test keeps the two key sets and each key's placeholders equal). Adding a message is one line
/// in each catalog file. Messages not routed here yet are English in both languages.
public enum MessageCatalog {
    /// The templates of `language`.
    public static func templates(_ language: Language) -> [String: String] {
        switch language {
        case .en: allEnglish
        case .id: allIndonesian
        }
    }

    /// Each language's catalog files merged (their keys are disjoint: MessageCatalogTests).
    static let allEnglish = english.merging(parserEnglish) { main, _ in main }
    static let allIndonesian = indonesian.merging(parserIndonesian) { main, _ in main }

    /// The message `key` in `language` with its `{name}` placeholders replaced by `arguments`.
    /// A key missing from every catalog (a programming mistake the catalog test catches) gives the key
    /// itself, so a message is never lost.
    ///
    ///     MessageCatalog.text("diag.unknown", ["what": "metric", "word": "avg_ordr"])
    ///     // "unknown metric `avg_ordr`", or in Indonesian "metric `avg_ordr` tidak dikenal"
    /// - Complexity: O(template length + total argument length).
    public static func text(_ key: String, _ arguments: KeyValuePairs<String, String> = [:], in language: Language = .current) -> String {
        guard let template = templates(language)[key] ?? allEnglish[key] else { return key }
        return fill(template) { name in arguments.first { $0.key == name }?.value }
    }

    /// `text(_:_:in:)` with arguments built at run time (a loader sentence's, `LoadSentence`).
    /// - Complexity: O(template length + total argument length).
    public static func text(_ key: String, arguments: [String: String], in language: Language) -> String {
        guard let template = templates(language)[key] ?? allEnglish[key] else { return key }
        return fill(template) { arguments[String($0)] }
    }

    /// A noun or phrase used inside other messages (`metric`, `help topic`), by its English text:
    /// its translation under the key `noun.<words joined by _>` when there is one, else the text as given.
    public static func noun(_ english: String, in language: Language = .current) -> String {
        guard language != .en else { return english }
        let key = "noun." + english.split(separator: " ").joined(separator: "_")
        return templates(language)[key] ?? english
    }

    /// `template` with each `{name}` replaced by its argument; an unknown `{name}` stays as written.
    static func fill(_ template: String, _ argument: (Substring) -> String?) -> String {
        guard template.contains("{") else { return template }
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}"),
                  let value = argument(after[..<close]) else {
                out.append("{")
                rest = after
                continue
            }
            out += value
            rest = after[after.index(after: close)...]
        }
        return out + rest
    }

    /// The placeholder names of a template, sorted: `["what", "word"]`. For the catalog test.
    public static func placeholders(in template: String) -> [String] {
        var names: Set<String> = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { break }
            let name = after[..<close]
            if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) { names.insert(String(name)) }
            rest = after[after.index(after: close)...]
        }
        return names.sorted()
    }
}
