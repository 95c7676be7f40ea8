import SiklusLanguage

/// The help texts that read the message catalog, so they follow `set language`: the overview, the
/// metric list and each metric's help, and each stage's help, which teaches the stage as the source
/// articles do: what the customer does in it, what the business does, how Siklus measures it.
extension HelpCatalog {
    /// `help` with no topic.
    static var overview: String {
        MessageCatalog.text("help.overview", [
            "steps": Keywords.steps.joined(separator: ", "),
            "lifecycle": Stage.journey.map { $0.displayName() }.joined(separator: " → "),
            "churn": Stage.churn.displayName(),
        ])
    }

    /// `help metrics`: each metric with its one-line summary; in Indonesian with its Indonesian name.
    static func metricList() -> String {
        let language = Language.current
        // Columns as wide as the longest name (`padding` would cut a longer one), at least the widths they had.
        let nameWidth = max(20, (Metric.allCases.map(\.rawValue.count).max() ?? 0) + 2)
        let aliasWidth = max(25, (Metric.allCases.map(\.indonesianName.count).max() ?? 0) + 2)
        let lines = Metric.allCases.map { metric in
            // In Indonesian the Indonesian name gets a column of its own, between the name and the summary.
            let alias = language == .id ? metric.indonesianName.padding(toLength: aliasWidth, withPad: " ", startingAt: 0) : ""
            return "  " + metric.rawValue.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + alias + summary(metric)
        }
        return MessageCatalog.text("help.metrics_title") + "\n" + lines.joined(separator: "\n") + "\n\n" + MessageCatalog.text("help.metrics_footer")
    }

    /// `help metric <name>` (the name canonical or an Indonesian alias).
    static func metricHelp(_ metric: Metric) -> String {
        let label = { (key: String) in Self.label(MessageCatalog.text(key), width: 9) }
        let lineItems = metric.localizedOrderFormula().map { "\n  \(MessageCatalog.text("help.order_formula")): \($0)" } ?? ""
        let aliases = Metric.indonesianAliases.filter { $0.value == metric }.map(\.key)
        let names = aliases.isEmpty ? "" : "\n  \(label("help.also_written"))\(aliases.joined(separator: ", "))"
        return "\(metric.rawValue): \(summary(metric))\n  \(label("help.formula_label"))\(metric.localizedFormula(orderLevel: false))\(lineItems)\n  \(label("help.unit_label"))\(MessageCatalog.templates(.current)["help.unit." + metric.unit.rawValue] ?? metric.unit.rawValue)"
            + "\n  \(label("help.example_label"))\(metric.example)\(names)"
    }

    /// A statement's or step's summary: the catalog's Indonesian in Indonesian, the entry's own in English
    /// (the English catalog holds a copy, checked equal by a test, so both catalogs have every key).
    static func statementSummary(_ name: String, _ entry: Entry) -> String {
        guard Language.current != .en, MessageCatalog.templates(.current)["help.statement." + name] != nil else { return entry.summary }
        return MessageCatalog.text("help.statement." + name, statementArguments)
    }

    /// The values the statement summaries interpolate.
    static let statementArguments: KeyValuePairs<String, String> = ["periods": choices(PeriodUnit.self), "default": String(RowsPlan.defaultLimit)]

    /// A metric's one-line summary in the current language.
    static func summary(_ metric: Metric) -> String { MessageCatalog.text("metric." + metric.rawValue) }

    /// `help stage <name>`: the customer's side, the business's side, the events, how to measure it.
    static func stageHelp(_ stage: Stage, _ map: StageMap) -> String {
        let key = "help.stage." + stage.name
        let others = ([stage.name] + Stage.aliases.filter { $0.value == stage }.keys.sorted()).filter { $0 != stage.displayName() }
        let label = { (name: String) in Self.label(MessageCatalog.text("help.stage." + name + "_label"), width: 15) }
        return """
        \(stage.displayName()) (\(MessageCatalog.text("help.stage.also_called")) \(others.joined(separator: ", ")))
          \(label("customer"))\(MessageCatalog.text(key + ".customer"))
          \(label("business"))\(MessageCatalog.text(key + ".business"))
          \(label("measure"))\(MessageCatalog.text(key + ".measure"))
          \(label("events"))\(stage.hasEvents ? (map.events[stage] ?? []).joined(separator: ", ") : MessageCatalog.text("stages.lapsed"))
          \(label("example"))cohort | stage \(stage.displayName()) | metric customers
        """
    }

    /// `word:` padded to `width`, with at least one space after the colon.
    static func label(_ word: String, width: Int) -> String {
        let text = word + ": "
        return text.count >= width ? text : text.padding(toLength: width, withPad: " ", startingAt: 0)
    }
}
