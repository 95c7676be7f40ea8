import SiklusLanguage
import SiklusStore

/// Load reports in the current language: the store lays a report out and each of its phrases
/// (`LoadReport.Phrase`, with the loader's reasons and notes) is worded from the catalogs in the
/// session's language (`Language.current`), where `render()` words them in English.
extension LoadReport {
    /// `render(includeTiming:)` worded in `Language.current`.
    public func localized(includeTiming: Bool = true) -> String {
        render(includeTiming: includeTiming) { $0.text(in: .current) }
    }
}
