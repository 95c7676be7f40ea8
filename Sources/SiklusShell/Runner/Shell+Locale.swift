import SiklusLanguage
import SiklusEngine

extension Shell {
    /// The session's language and currency for the modes meant for reading.
    var readingLocale: ReadingLocale { ReadingLocale(session.display) }

    /// `table` rendered in the current mode: the modes meant for reading in the session's language
    /// (headers, stage names, separators, currency); csv, tsv and json exact with canonical names;
    /// csv as `.mode csv excel` asks.
    func render(_ table: ResultTable, options: RenderOptions) -> String {
        if settings.mode == .csv, settings.excelCSV {
            return ExcelCSVRenderer(language: session.display.language).render(table, options: options)
        }
        guard !settings.mode.isExact else { return settings.mode.renderer.render(table, options: options) }
        var localized = options
        localized.locale = readingLocale
        return settings.mode.renderer.render(localized.locale.forReading(table), options: localized)
    }

    /// Runs `body` in the session's language, so messages built by the shell (dot-commands, help) follow
    /// `set language`.
    func inSessionLanguage<T>(_ body: () -> T) -> T {
        Language.$current.withValue(session.display.language, operation: body)
    }
}
