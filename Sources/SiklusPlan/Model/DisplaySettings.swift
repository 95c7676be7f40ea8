import SiklusLanguage

/// How results and messages are shown to a person (`set language = id`, `set currency = IDR`): never
/// what a query computes, so they are kept apart from `SessionSettings` and no plan depends on them.
public struct DisplaySettings: Sendable, Hashable {
    /// The language of messages, help, stage names and headers, and the number format in the modes
    /// meant for reading (`1.234,56` in Indonesian).
    public var language: Language = .en
    /// Money cells in the modes meant for reading carry this currency (`Rp 1.234.567`); nil: plain numbers.
    public var currency: Currency?

    public init(language: Language = .en, currency: Currency? = nil) {
        self.language = language
        self.currency = currency
    }

    /// The options this struct owns, for completion and "did you mean".
    public static let optionNames = ["language", "currency"]

    /// The values `set <option> = …` offers for completion.
    public static func choices(for option: String) -> [String] {
        switch option.lowercased() {
        case "language": Language.allCases.map(\.rawValue)
        case "currency": Currency.known.map(\.code) + ["none"]
        default: []
        }
    }

    /// Applies `set language = …` or `set currency = …` and returns the confirmation; nil when the
    /// option is not one of these (then `SessionSettings` handles it).
    package mutating func apply(_ statement: SetStatement) throws(Diagnostic) -> String? {
        let value = statement.value
        let word: String? = switch value.literal {
        case .name(let text), .string(let text): text
        default: nil
        }
        switch statement.option.lowercased {
        case "language":
            guard let word, let language = Language(named: word) else {
                throw Diagnostic(MessageCatalog.text("set.language_expects"), at: value.span, hints: [MessageCatalog.text("set.language_hint")])
            }
            self.language = language
            return MessageCatalog.text("set.language_done", ["code": language.rawValue, "name": language.nativeName], in: language)
        case "currency":
            guard let word else {
                throw Diagnostic(MessageCatalog.text("set.currency_expects"), at: value.span,
                                 hints: [MessageCatalog.text("set.currency_hint", ["codes": Currency.known.map(\.code).joined(separator: ", ")])])
            }
            if ["none", "off", "tidak"].contains(word.lowercased()) {
                currency = nil
                return MessageCatalog.text("set.currency_none")
            }
            guard let currency = Currency(code: word) else {
                let hint = Diagnostic.didYouMeanHint(for: word, among: Currency.known.map(\.code))
                    ?? MessageCatalog.text("set.currency_hint", ["codes": Currency.known.map(\.code).joined(separator: ", ")])
                throw Diagnostic(MessageCatalog.text("set.currency_expects"), at: value.span, hints: [hint])
            }
            self.currency = currency
            return MessageCatalog.text("set.currency_done", ["code": currency.code])
        default:
            return nil
        }
    }

    /// `language = id, currency = IDR`, for `.show`.
    public func describe() -> String {
        "language = \(language.rawValue), currency = \(currency?.code ?? "none")"
    }
}

/// A currency money cells are shown in: its ISO 4217 code, the symbol written before the amount and the
/// decimals it is written with (rupiah and yen have none in everyday use).
public struct Currency: Sendable, Hashable {
    /// `IDR`, `USD`, …
    public let code: String
    /// `Rp`, `$`, … ; a symbol that is letters is followed by a space (`Rp 1.234`), one that is a sign is not (`$1,234.00`).
    public let symbol: String
    /// Fraction digits shown.
    public let decimals: Int

    /// The currencies `set currency` knows by code.
    public static let known: [Currency] = [
        Currency(code: "IDR", symbol: "Rp", decimals: 0),
        Currency(code: "USD", symbol: "$", decimals: 2),
        Currency(code: "EUR", symbol: "€", decimals: 2),
        Currency(code: "GBP", symbol: "£", decimals: 2),
        Currency(code: "JPY", symbol: "¥", decimals: 0),
        Currency(code: "SGD", symbol: "S$", decimals: 2),
        Currency(code: "MYR", symbol: "RM", decimals: 2),
        Currency(code: "AUD", symbol: "A$", decimals: 2),
    ]

    init(code: String, symbol: String, decimals: Int) {
        self.code = code
        self.symbol = symbol
        self.decimals = decimals
    }

    /// The known currency with this code, any case.
    public init?(code: String) {
        guard let found = Currency.known.first(where: { $0.code == code.uppercased() }) else { return nil }
        self = found
    }

    /// What goes before the amount: `Rp ` or `$`.
    public var prefix: String { symbol.last?.isLetter == true ? symbol + " " : symbol }
}
