import SiklusEngine
import SiklusLanguage

/// The words charts draw, in the current language (`Language.current`, bound by the shell for each
/// statement): column names as tables name them in the modes meant for reading (`ColumnHeader`), stage
/// names, and the charts' own phrases under the catalogs' `chart.` keys. English charts are unchanged.
enum ChartWords {
    /// A column's name for a header or axis title: `customers` → `pelanggan`.
    static func header(_ name: String) -> String { ColumnHeader.display(name) }

    /// Several column names joined as a table header joins them.
    static func headers(_ names: [String], separator: String = " · ") -> String { names.map(header).joined(separator: separator) }

    /// A stage value (`awareness`) by its display name; any other text as it is.
    static func stage(_ text: String) -> String { Stage.displayLabel(text) }

    /// `revenue by month`: a default chart title.
    static func by(_ values: String, _ dimension: String) -> String {
        MessageCatalog.text("chart.by", ["values": values, "dimension": dimension])
    }
}
