import SiklusLanguage

extension Stage {
    /// The stage's name in `language`: `awareness` in English, `kesadaran` in Indonesian (the catalog's
    /// `stage.<name>`, always one of `aliases`, so a shown name can be typed back).
    public func displayName(in language: Language = .current) -> String {
        MessageCatalog.text("stage." + name, in: language)
    }

    /// The stage named `text` in the result of a query (a canonical stage name), shown in `language`;
    /// any other text unchanged.
    public static func displayLabel(_ text: String, in language: Language = .current) -> String {
        guard language != .en, let stage = Stage.allCases.first(where: { $0.name == text }) else { return text }
        return stage.displayName(in: language)
    }
}
