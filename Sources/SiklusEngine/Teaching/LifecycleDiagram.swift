import SiklusLanguage
import SiklusStore

/// `help stages`: the customer lifecycle drawn as text. The journey runs down the page (awareness →
/// education → consideration → purchase → retention → advocacy); a rail on the right leads out of
/// every stage into churn. Each stage shows its Indonesian names, the events that put a customer in
/// it and, with data loaded, how many customers are in it now (their current stage as of as_of, the
/// same count as `cohort | metric stage_share`).
///
///     stage          also called              customers now
///     awareness      kesadaran, penyadaran             2034 ──┐  ad_impression, impression, …
///       │                                                      │
///       ▼                                                      │
///     education      pendidikan                         745 ──┤  article_view, video_view, …
struct LifecycleDiagram {
    /// The widest line: an 80-column terminal, which is what a projector shows.
    static let width = 80

    let stageMap: StageMap
    let settings: SessionSettings
    /// Customers whose current stage is each stage, and those with no stage yet; nil without data.
    let counts: StageCounts?
    /// Why there are no counts when data is there (the engine's query failed), else nil.
    var missingCounts: String? = nil

    /// The customers per current stage, where they were counted (`"the in-memory tables"`, `"PostgreSQL"`)
    /// and as of when (a date, or words for the engine's latest day).
    struct StageCounts {
        var byStage: [Stage: Int]
        var noStage: Int
        var asOf: String
        var source: String? = nil
    }

    init(stageMap: StageMap, settings: SessionSettings, counts: StageCounts?, missingCounts: String? = nil) {
        self.stageMap = stageMap
        self.settings = settings
        self.counts = counts
        self.missingCounts = missingCounts
    }

    init(stageMap: StageMap, settings: SessionSettings, context: EvalContext?) {
        self.stageMap = stageMap
        self.settings = settings
        guard let context, context.store.isLoaded(.events) else {
            counts = nil
            return
        }
        let state = LifecycleState(context)
        var byStage: [Stage: Int] = [:]
        var noStage = 0
        for c in 0..<context.customerCount {
            if let stage = state.stage(Int32(c), at: context.asOf) { byStage[stage, default: 0] += 1 } else { noStage += 1 }
        }
        counts = StageCounts(byStage: byStage, noStage: noStage, asOf: CivilTime.formatDate(context.asOf))
    }

    func render() -> String {
        // The other names of each stage: the canonical one and the aliases, less the one shown (in Indonesian
        // the Indonesian name is shown and `awareness` becomes another name).
        let aliases = Dictionary(uniqueKeysWithValues: Stage.allCases.map { stage in
            (stage, ([stage.name] + Stage.aliases.filter { $0.value == stage }.keys.sorted()).filter { $0 != stage.displayName() }.joined(separator: ", "))
        })
        let alsoCalled = MessageCatalog.text("stages_diagram.also_called")
        let nameWidth = Stage.allCases.map { $0.displayName().count }.max() ?? 0
        let aliasWidth = max(alsoCalled.count, aliases.values.map(\.count).max() ?? 0)
        let countHeader = counts == nil ? "" : MessageCatalog.text("stages_diagram.customers_now")
        let countWidth = max(countHeader.count, counts.map { String($0.byStage.values.max() ?? 0).count } ?? 0)
        func row(_ name: String, _ alias: String, _ count: String) -> String {
            "  " + pad(name, nameWidth + 2) + pad(alias, aliasWidth + 2) + String(repeating: " ", count: max(0, countWidth - count.count)) + count
        }
        // The rail runs down the column of `┐` / `┤`.
        let railColumn = row("", "", "").count + 3
        func rail(_ left: String) -> String { pad("    " + left, railColumn) + "│" }

        var intro = [MessageCatalog.text("stages_diagram.intro")]
        if let counts {
            intro.append(MessageCatalog.text("stages_diagram.counts", ["as_of": counts.asOf, "source": counts.source.map { MessageCatalog.text("stages_diagram.computed_on", ["source": $0]) } ?? ""]))
        } else if let missingCounts {
            intro.append(missingCounts)
        } else {
            intro.append(MessageCatalog.text("stages_diagram.load_data"))
        }
        var lines = intro.flatMap { WordWrap.lines($0, width: Self.width) }
        lines.append("")
        lines.append(row(MessageCatalog.text("stages_diagram.stage"), alsoCalled, countHeader).trimmingTrailingSpaces())
        // The events wrap beside the rail, so the diagram fits 80 columns (a projector's terminal).
        let eventsWidth = max(10, Self.width - railColumn - 3)
        for (i, stage) in Stage.journey.enumerated() {
            let connector = i == 0 ? " ──┐  " : " ──┤  "
            let wrapped = WordWrap.lines(events(stage), width: eventsWidth)
            lines.append(row(stage.displayName(), aliases[stage] ?? "", count(stage)) + connector + wrapped[0])
            let more = Array(wrapped.dropFirst())
            let last = i == Stage.journey.count - 1
            // Between stages the journey runs down the left (│ then ▼); after the last only the rail does.
            let railLines = max(last ? 0 : 2, more.count)
            for k in 0..<railLines {
                let left = last ? nil : (k == railLines - 1 ? "▼" : "│")
                let text = k < more.count ? "  " + more[k] : ""
                lines.append((left.map(rail) ?? pad("", railColumn) + "│") + text)
            }
        }
        lines.append(pad("", railColumn) + "▼")
        // Churn, where the rail leads; then lapsed (prospects who never bought and went silent), beside the journey.
        for stage in [Stage.churn, .lapsed] {
            let wrapped = WordWrap.lines(events(stage), width: eventsWidth)
            lines.append(row(stage.displayName(), aliases[stage] ?? "", count(stage)) + "      " + wrapped[0])
            lines += wrapped.dropFirst().map { pad("", railColumn + 3) + $0 }
        }
        if let counts {
            let total = counts.byStage.values.reduce(0, +) + counts.noStage
            lines.append("")
            lines.append(MessageCatalog.text("stages_diagram.total", ["total": String(total), "staged": String(total - counts.noStage), "none": String(counts.noStage)]))
        }
        lines.append("")
        lines += WordWrap.lines(MessageCatalog.text("stages_diagram.footer"), width: Self.width)
        return lines.map { $0.trimmingTrailingSpaces() }.joined(separator: "\n")
    }

    private func count(_ stage: Stage) -> String {
        counts.map { String($0.byStage[stage] ?? 0) } ?? ""
    }

    /// What puts a customer in the stage.
    private func events(_ stage: Stage) -> String {
        let names = (stageMap.events[stage] ?? []).joined(separator: ", ")
        switch stage {
        case .purchase: return MessageCatalog.text("stages_diagram.first_purchase", ["events": names])
        case .retention: return MessageCatalog.text("stages_diagram.later_purchases") + (names.isEmpty ? "" : ", " + names)
        case .churn: return (names.isEmpty ? "" : names + MessageCatalog.text("stages_diagram.or")) + MessageCatalog.text("stages_diagram.no_event", ["days": ExampleCustomer.days(settings.churnAfter)])
        case .lapsed: return MessageCatalog.text("stages_diagram.lapsed", ["days": ExampleCustomer.days(settings.churnAfter)])
        default: return names
        }
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
