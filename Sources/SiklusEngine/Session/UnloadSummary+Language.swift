import SiklusLanguage
import SiklusStore

extension UnloadSummary {
    /// `render()` in the current language (`load.unloaded` keys; the English equal to the store's own,
    /// LoadReportLanguageTests).
    public func localized() -> String {
        let rows = MessageCatalog.text(rowsRemoved == 1 ? "load.unloaded_row" : "load.unloaded_rows", ["count": String(rowsRemoved)])
        guard customersDropped > 0 else { return MessageCatalog.text("load.unloaded", ["table": table.rawValue, "rows": rows]) }
        let customers = MessageCatalog.text(customersDropped == 1 ? "load.unloaded_customer" : "load.unloaded_customers", ["count": String(customersDropped)])
        return MessageCatalog.text("load.unloaded_dropped", ["table": table.rawValue, "rows": rows, "customers": customers])
    }
}
