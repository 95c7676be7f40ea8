import SiklusLanguage

/// A result column's name as a person reads it in a language: a metric by its Indonesian name, a stage
/// by its display name, the other names under the catalogs' `header.` keys, anything else as it is.
/// Tables in the modes meant for reading (SiklusShell's `ReadingLocale`) and charts (SiklusCharts)
/// both name columns this way, and result titles name periods and groups so; csv and json keep the canonical names.
public enum ColumnHeader {
    public static func display(_ name: String, in language: Language = .current) -> String {
        guard language != .en else { return name }
        if let metric = Metric(rawValue: name) { return metric.displayName(in: language) }
        if Stage.allCases.contains(where: { $0.name == name }) { return Stage.displayLabel(name, in: language) }
        return MessageCatalog.templates(language)["header." + name] ?? name
    }
}
