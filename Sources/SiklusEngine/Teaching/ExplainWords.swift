import SiklusLanguage

/// Words `explain` puts inside its sentences, in the current language: periods, durations and counted
/// nouns. English keeps its plurals (`3 orders`); Indonesian marks no plural after a number (`3 pesanan`).
enum ExplainWords {
    /// `month`, or `bulan` in Indonesian.
    static func period(_ unit: PeriodUnit) -> String {
        Language.current == .en ? unit.rawValue : MessageCatalog.text("header." + unit.rawValue)
    }

    /// `months` (after a count, as in `the months in the range`), or `bulan` in Indonesian.
    static func periods(_ unit: PeriodUnit) -> String {
        Language.current == .en ? unit.rawValue + "s" : MessageCatalog.text("header." + unit.rawValue)
    }

    /// `90 days`, `1 hour`; `90 hari` in Indonesian.
    static func duration(_ seconds: Int64) -> String {
        guard Language.current != .en else { return DurationText.words(seconds) }
        let units: [(Int64, String)] = [(86_400, "day"), (3_600, "hour"), (60, "minute"), (1, "second")]
        let (size, name) = units.first { seconds != 0 && seconds % $0.0 == 0 } ?? (86_400, "day")
        return "\(seconds / size) " + MessageCatalog.noun(name)
    }

    /// `1 order`, `3 orders`; `3 pesanan` in Indonesian (the noun's `noun.` key, else as given).
    static func count(_ n: Int, _ noun: String) -> String {
        guard Language.current != .en else { return "\(n) \(noun)\(n == 1 ? "" : "s")" }
        return "\(n) " + MessageCatalog.noun(noun)
    }

    /// How a split funnel groups customers (`LogicalPlanPrinter.funnelSplit`, the logical plan's English words, in
    /// the current language).
    static func funnelSplit(_ split: LogicalQuery.Funnel.Split) -> String {
        switch split {
        case .trends: MessageCatalog.text("explain.split.trends")
        case .breakdown(.first): MessageCatalog.text("explain.split.first")
        case .breakdown(.last): MessageCatalog.text("explain.split.last")
        case .breakdown(.step(let n)): MessageCatalog.text("explain.split.step", ["n": String(n)])
        }
    }

    /// A number written with a decimal point (`42.10`) with the language's decimal mark: `42,10` in
    /// Indonesian, as its tables write it. The worked example's numbers have no thousands separator.
    static func decimal(_ text: String) -> String {
        Language.current == .en ? text : text.replacingOccurrences(of: ".", with: ",")
    }

    /// `a, b and c`; `a, b dan c` in Indonesian.
    static func list(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " " + MessageCatalog.text("explain.word.and") + " " + last
    }
}
