import Foundation
import SiklusLanguage
import SiklusStore

/// A `LoadError`'s message and hint in the current language. SiklusStore words its errors in English and
/// keeps no catalog; each of its sentences has a `load.error.` (message) or `load.hint.` (hint) key whose
/// English template is that sentence with `{placeholders}` where it varies. The pattern recognising a
/// sentence is derived from its English template (`EnglishPhrasePattern(englishTemplateOf:)`), so the
/// English catalog words a `LoadError` exactly as the store does (LoadErrorLanguageTests), and a sentence
/// the store changes without its template stays as written rather than being lost.
enum LoadErrorWording {
    /// The message in the current language (a too-many-bad-rows message is a skip reason, worded as in
    /// load reports).
    static func message(_ text: String) -> String {
        EnglishPhrasePattern.word(text, messages, value: argument) ?? LoadReportPatterns.reason(text)
    }

    /// The hint in the current language.
    static func hint(_ text: String) -> String { EnglishPhrasePattern.word(text, hints, value: argument) ?? text }

    /// The key of the template that matches `text`, if any; for the tests.
    static func key(of text: String, hint: Bool) -> String? {
        (hint ? hints : messages).first { $0.word(text) != nil }?.key
    }

    /// Argument-only keys (`os.`, `names_`, `delimiter_`) are worded inside other sentences, not matched alone.
    private static let messages = EnglishPhrasePattern.templates(under: "load.error.", excluding: ["os.", "names_", "delimiter_"])
    private static let hints = EnglishPhrasePattern.templates(under: "load.hint.") + [EnglishPhrasePattern(englishTemplateOf: "load.no_such_file_hint")]
    /// The patterns of the argument-only keys, compiled once like the others.
    private static let delimiterProblems = EnglishPhrasePattern.templates(under: "load.error.delimiter_")
    private static let systemReasons = EnglishPhrasePattern.templates(under: "load.error.os.")
    private static let columnCounts = EnglishPhrasePattern.templates(under: "load.error.names_")

    /// A captured value worded where it is a phrase of its own: the delimiter's problem, the system's reason
    /// (`strerror`), a count of columns or fields, a list cut short (`… and 4 more`). Names, numbers and
    /// commands stay as found.
    private static func argument(_ name: String, _ value: String) -> String {
        switch name {
        case "problem": EnglishPhrasePattern.word(value, delimiterProblems) ?? value
        case "reason": EnglishPhrasePattern.word(value, systemReasons) ?? value
        case "names", "fields": EnglishPhrasePattern.word(value, columnCounts) ?? value
        case "list": listing(value)
        default: value
        }
    }

    /// A listing (`LoadError.listing`) with its `… and N more` tail worded as `Diagnostic.listing` words it.
    private static func listing(_ value: String) -> String {
        guard let range = value.range(of: #" … and (\d+) more$"#, options: .regularExpression) else { return value }
        let count = value[range].filter(\.isNumber)
        return MessageCatalog.text("diag.listing_more", ["items": String(value[..<range.lowerBound]), "count": String(count)])
    }
}
