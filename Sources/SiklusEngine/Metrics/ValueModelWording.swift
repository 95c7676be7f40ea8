import SiklusLanguage

/// The value models' fit errors in the current language. SiklusValueModels words a `ModelFitError` in
/// English and keeps no catalog; each sentence (`the bgnbd fit failed: …`, its reasons, its hints) has a
/// `clv.fit.` key whose English template is that sentence, recognised by the pattern derived from it
/// (`EnglishPhrasePattern(englishTemplateOf:)`). A sentence no template matches stays as written.
enum ValueModelWording {
    private static let frame = [EnglishPhrasePattern(englishTemplateOf: "clv.fit.failed")]
    private static let sentences = EnglishPhrasePattern.templates(under: "clv.fit.").filter { $0.key != "clv.fit.failed" }

    /// A fit error's message or hint in the current language.
    static func sentence(_ text: String) -> String {
        EnglishPhrasePattern.word(text, frame) { name, value in name == "reason" ? sentence(value) : value }
            ?? EnglishPhrasePattern.word(text, sentences) ?? text
    }
}
