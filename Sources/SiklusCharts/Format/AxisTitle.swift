import SiklusLanguage
import SiklusEngine

/// The title of a value axis or bar header: the column's name, and its unit in brackets when the name
/// does not already say it (`revenue (money)`, `repeat_rate (%)`).
///
/// A count is named by what it counts, and that is the column's own name (`orders`, `events`,
/// `new_customers`), so it takes no unit; only the metrics whose name is not the thing counted say
/// what it is (`active (customers)`: customers with an event). `ValueUnit.count` covers orders,
/// events and customers alike, so it cannot name the unit itself.
enum AxisTitle {
    /// `name` with its unit, for a column of `unit`.
    static func of(_ name: String, unit: ValueUnit) -> String {
        guard let unitName = unitName(of: name, unit: unit), unitName != name else { return ChartWords.header(name) }
        // In Indonesian the unit's words too (`pelanggan`, `uang`); `%` reads the same everywhere.
        let unitText = Language.current == .en ? unitName : MessageCatalog.templates(.current)["chart.unit." + unitName] ?? unitName
        return "\(ChartWords.header(name)) (\(unitText))"
    }

    /// The words in brackets after `name`, or nil when the name says it all.
    static func unitName(of name: String, unit: ValueUnit) -> String? {
        if let counted = countedNoun[name] { return counted }
        if unit == .count { return nil }
        return ValueFormatter.unitName(unit)
    }

    /// Metrics whose values count customers under another name; `dau`, `wau` and `mau` are averages of
    /// such counts (a ratio unit), which still reads best as customers.
    static let countedNoun: [String: String] = [
        Metric.active.rawValue: "customers",
        Metric.dau.rawValue: "customers", Metric.wau.rawValue: "customers", Metric.mau.rawValue: "customers",
    ]
}
