import SiklusLanguage
import SiklusCharts
import SiklusEngine

/// How the modes meant for reading (box, table, plain, markdown, line) write numbers, headers and
/// stage names for a person: in English `1,234.56`; in Indonesian `1.234,56`, with the column headers
/// and stage names of `set language = id`; money with `set currency`'s symbol (`Rp 1.234.567`). The
/// exact modes (csv, tsv, json) never use it: their names and numbers are data.
public struct ReadingLocale: Sendable, Equatable {
    public var language: Language
    public var currency: Currency?

    public init(language: Language = .en, currency: Currency? = nil) {
        self.language = language
        self.currency = currency
    }

    /// The locale of a session's `set language` and `set currency`.
    public init(_ display: DisplaySettings) {
        self.init(language: display.language, currency: display.currency)
    }

    /// English numbers, no currency: what the modes meant for reading showed before locales.
    public static let english = ReadingLocale()

    /// The separator between thousands: `,` in English, `.` in Indonesian.
    public var groupingSeparator: Character { language == .id ? "." : "," }
    /// The decimal separator: `.` in English, `,` in Indonesian.
    public var decimalSeparator: Character { language == .id ? "," : "." }

    /// `text` written by the English formatters (`1,234.56`, `42.5%`, `5.2 h`) in this locale's
    /// separators (`1.234,56`, `42,5%`, `5,2 h`): the two separators swap, nothing else changes.
    /// - Complexity: O(text length).
    public func localizing(number text: String) -> String {
        guard language == .id else { return text }
        return String(text.map { $0 == "," ? "." : ($0 == "." ? "," : $0) })
    }

    /// A count with this locale's thousands separator: `1,234` or `1.234`.
    func grouped(_ count: Int) -> String { localizing(number: NumberText.grouped(Int64(count))) }

    /// A money amount with the currency: `Rp 1.234.567`, `$1,234.57`, `-Rp 500`; rounded half away
    /// from zero to the currency's decimals, grouped in this locale. Without a currency, the number as
    /// the modes meant for reading show money (2 decimals).
    public func money(_ value: Double) -> String {
        guard let currency, value.isFinite, abs(value) < 1e15 else {
            return localizing(number: NumberText.fixed(value, decimals: 2))
        }
        let digits = localizing(number: ValueFormatter.fixed(abs(value), decimals: currency.decimals))
        let isZero = digits.allSatisfy { !$0.isNumber || $0 == "0" }
        return (value < 0 && !isZero ? "-" : "") + currency.prefix + digits
    }

    /// The header of `column` for reading: a metric's Indonesian name (`tingkat_konversi`), a known
    /// column's catalog header (`kohort`, `tahap`), a stage's name (transitions' columns), else the name.
    func header(_ name: String) -> String { ColumnHeader.display(name, in: language) }

    /// A funnel step's label in this locale: `stage awareness` → `tahap kesadaran`; an event's name as it is.
    func stepLabel(_ text: String) -> String {
        guard text.hasPrefix("stage "), let stage = Stage.allCases.first(where: { "stage " + $0.name == text }) else { return text }
        return MessageCatalog.text("header.stage", in: language) + " " + stage.displayName(in: language)
    }

    /// A footer row's label (retention's `mean`, `weighted mean`) in this locale.
    func footerLabel(_ label: String) -> String {
        MessageCatalog.templates(language)["footer." + label.split(separator: " ").joined(separator: "_")] ?? label
    }

    /// True for a text column whose values are stage names: `stage` (by stage, stage_share) and the
    /// `from` column of a transitions matrix. A `from` column of `paths` holds event names and stays.
    static func holdsStages(_ column: ResultColumn, in table: ResultTable) -> Bool {
        column.name == "stage" || (column.name == "from" && table.shape == .transitions)
    }

    /// `table` as a person reads it in this locale: headers and stage names translated, everything
    /// else (values, units, shape, notes) as it was. The table itself is untouched for csv and json.
    /// - Complexity: O(columns + rows of stage columns).
    public func forReading(_ table: ResultTable) -> ResultTable {
        guard language != .en else { return table }
        var out = table
        for index in out.columns.indices {
            let column = table.columns[index]
            out.columns[index].name = header(column.name)
            if Self.holdsStages(column, in: table), case .text(let values) = column.values {
                out.columns[index].values = .text(values.map { $0.map { Stage.displayLabel($0, in: language) } })
            }
            if table.shape == .funnel, column.name == "step", case .text(let values) = column.values {
                out.columns[index].values = .text(values.map { $0.map(stepLabel) })
            }
        }
        for row in out.footer.indices { out.footer[row].label = footerLabel(table.footer[row].label) }
        return out
    }
}

extension CellText {
    /// `formatted(_:row:)` in `locale`: numbers with its separators, money with its currency. Text
    /// and dates are as in English (ISO dates read the same everywhere).
    static func formatted(_ column: ResultColumn, row: Int, locale: ReadingLocale) -> String? {
        guard locale != .english else { return formatted(column, row: row) }
        if column.unit == .money, locale.currency != nil {
            switch column.values {
            case .integer(let values): return values[row].map { locale.money(Double($0)) }
            case .number(let values): return values[row].map { locale.money($0) }
            case .text: break
            }
        }
        guard let text = formatted(column, row: row) else { return nil }
        if case .text = column.values { return text }
        return column.unit == .date ? text : locale.localizing(number: text)
    }
}
