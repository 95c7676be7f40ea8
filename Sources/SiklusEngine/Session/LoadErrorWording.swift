import Foundation
import SiklusLanguage
import SiklusStore

/// A `LoadError`'s message and hint in the current language. SiklusStore words its errors in English and
/// keeps no catalog; each of its sentences has a `load.error.` (message) or `load.hint.` (hint) key whose
/// English template is that sentence with `{placeholders}` where it varies. The pattern recognising a
/// sentence is derived from its English template, so the English catalog words a `LoadError` exactly as the
/// store does (LoadErrorLanguageTests), and a sentence the store changes without its template stays as
/// written rather than being lost.
enum LoadErrorWording {
    /// The message in the current language (a too-many-bad-rows message is a skip reason, worded as in
    /// load reports).
    static func message(_ text: String) -> String {
        if let worded = word(text, messages) { return worded }
        return LoadReportPatterns.reason(text)
    }

    /// The hint in the current language.
    static func hint(_ text: String) -> String { word(text, hints) ?? text }

    /// The key of the template that matches `text`, if any; for the tests.
    static func key(of text: String, hint: Bool) -> String? {
        (hint ? hints : messages).first { $0.word(text) != nil }?.key
    }

    private static let messages = patterns(prefix: "load.error.")
    private static let hints = patterns(prefix: "load.hint.") + patterns(prefix: "load.no_such_file_hint")

    /// Every template under `prefix` as a pattern, the longest first so that a template that is another's
    /// prefix (`the file is empty`) is tried after it. Argument-only keys (`os.`, `names_`, `delimiter_`)
    /// are worded inside others, not matched alone.
    private static func patterns(prefix: String) -> [EnglishPhrasePattern] {
        let english = MessageCatalog.templates(.en)
        return english.keys.filter { key in
            key.hasPrefix(prefix) && !["os.", "names_", "delimiter_"].contains { key.dropFirst(prefix.count).hasPrefix($0) }
        }
        .sorted { (english[$0]?.count ?? 0, $0) > (english[$1]?.count ?? 0, $1) }
        .compactMap { key in english[key].map { pattern(of: $0, key: key) } }
    }

    /// `template`'s literal text escaped, each `{name}` a lazy group.
    static func pattern(of template: String, key: String) -> EnglishPhrasePattern {
        var regex = "", names: [String] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            regex += NSRegularExpression.escapedPattern(for: String(rest[..<open])) + "(.*?)"
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        regex += NSRegularExpression.escapedPattern(for: String(rest))
        return EnglishPhrasePattern(regex, key, names)
    }

    private static func word(_ text: String, _ patterns: [EnglishPhrasePattern]) -> String? {
        patterns.lazy.compactMap { $0.word(text, value: argument) }.first
    }

    /// A captured value worded where it is a phrase of its own: the delimiter's problem, the system's reason
    /// (`strerror`), a count of columns or fields, a list cut short (`… and 4 more`). Names, numbers and
    /// commands stay as found.
    private static func argument(_ name: String, _ value: String) -> String {
        switch name {
        case "problem": phrase(value, under: "load.error.delimiter_")
        case "reason": phrase(value, under: "load.error.os.")
        case "names", "fields": phrase(value, under: "load.error.names_")
        case "list": listing(value)
        default: value
        }
    }

    /// `value` worded by the first key under `prefix` whose English template matches it, else as found.
    private static func phrase(_ value: String, under prefix: String) -> String {
        let english = MessageCatalog.templates(.en)
        for key in english.keys.sorted() where key.hasPrefix(prefix) {
            if let template = english[key], let worded = pattern(of: template, key: key).word(value) { return worded }
        }
        return value
    }

    /// A listing (`LoadError.listing`) with its `… and N more` tail worded as `Diagnostic.listing` words it.
    private static func listing(_ value: String) -> String {
        guard let range = value.range(of: #" … and (\d+) more$"#, options: .regularExpression) else { return value }
        let count = value[range].filter(\.isNumber)
        return MessageCatalog.text("diag.listing_more", ["items": String(value[..<range.lowerBound]), "count": String(count)])
    }
}
