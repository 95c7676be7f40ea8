import SiklusLanguage

/// Help texts: `help`, `help <statement|step|metric|stage>`, `help metrics`, `help stages`.
enum HelpCatalog {
    struct Entry {
        let syntax: String
        let summary: String
        let example: String
    }

    /// `a|b|c`: every case of a grammar enum, so the syntax lines cannot drift from the parser.
    static func choices<T: CaseIterable & RawRepresentable>(_ type: T.Type) -> String where T.RawValue == String {
        T.allCases.map(\.rawValue).joined(separator: "|")
    }

    static let statements: [String: Entry] = [
        "load": Entry(syntax: "load \(choices(LoadTable.self)) \"path\" [map role=Column …] [delim=\",\"] [format ts=\"%d/%m/%Y\"] [header=false] [columns=(a, b, …)] [ids=integer] [\(choices(LoadStatement.Mode.self))]"
                          + "   |   load \(choices(LoadTable.self)) table \"[schema.]name\" [map role=Column …]",
                      summary: "read a CSV file (or a gzip of one) into a table (appends; customers update by id; a file already loaded, or a byte-identical copy, is skipped unless `append`; `replace` replaces the table); "
                          + "while connected, the file is written to the engine, and `table \"name\"` binds an existing engine table instead", example: "load events \"datasets/demo/events.csv\""),
        "connect": Entry(syntax: "connect \(choices(ConnectEngine.self)) [\"conninfo | postgresql://… | master URL\"]",
                         summary: "run pipelines on PostgreSQL or Spark (`connect spark` alone is local[2]); the in-memory tables wait, untouched, for `disconnect`; `.engine` shows the connection",
                         example: "connect postgres \"host=localhost dbname=shop\""),
        "disconnect": Entry(syntax: "disconnect", summary: "close the engine connection and run on the in-memory tables again", example: "disconnect"),
        "unload": Entry(syntax: "unload \(choices(LoadTable.self))",
                        summary: "empty a table (customer ids left with no rows in any table are dropped, as `load … replace` does); `.clear` empties every table",
                        example: "unload spend"),
        "cohort": Entry(syntax: "cohort [filters] [by signup|first_purchase|channel|<column> [period \(choices(PeriodUnit.self))]]",
                        summary: "start from customers chosen by attribute, optionally grouped into cohorts; "
                            + "`did [not] <event> [>= N times] [within 30d [of signup]]` chooses them by what they did",
                        example: "cohort signup=2022-09 | stage retention | metric avg_order"),
        "events": Entry(syntax: "events", summary: "start from every event", example: "events | by stage | metric events, customers"),
        "customers": Entry(syntax: "customers", summary: "start from every customer (as `cohort` with no filter)", example: "customers | rows"),
        "let": Entry(syntax: "let name = <pipeline>", summary: "name a pipeline to reuse as a source", example: "let sept = cohort signup=2022-09"),
        "set": Entry(syntax: "set churn_after|as_of|period|week_start = value", summary: "change a session option", example: "set churn_after = 60d"),
        "stages": Entry(syntax: "stages", summary: "list which events belong to each lifecycle stage", example: "stages"),
        "stage": Entry(syntax: "stage <name> += ev1, ev2   |   stage <name> -= ev1   |   … | stage <name>",
                       summary: "edit the stage map, or (as a step) keep one stage's events", example: "stage retention += renewal"),
        "explain": Entry(syntax: "explain [sql|tree|all] <pipeline>",
                         summary: "show how a pipeline is computed: the plan in words, formulas, a worked example; sql adds the SQL, tree the syntax tree and logical plan, all everything",
                         example: "explain cohort signup=2022-09 | stage retention | metric avg_order"),
        "where": Entry(syntax: "where <condition>", summary: "keep rows where the condition holds (= != < <= > >=, in (…), and, or, not)",
                       example: "events | where channel = social and amount > 50 | metric orders"),
        "by": Entry(syntax: "by <dimension>[, <dimension>]", summary: "group by channel, country, any column, cohort, stage, or \(choices(PeriodUnit.self))",
                    example: "events | by month | metric revenue"),
        "derive": Entry(syntax: "derive <name> = <expression>   (numbers, columns, + - * /, parentheses)",
                        summary: "add a computed numeric event column for this pipeline; null where an operand is missing or a divisor is 0; "
                            + "`derive amount = …` sets the amount every money metric uses",
                        example: "events | derive amount = Quantity * UnitPrice | by month | metric revenue"),
        "rows": Entry(syntax: "rows [N]",
                      summary: "list the first N rows in scope (default \(RowsPlan.defaultLimit)) with every column and the stage: event rows "
                          + "by customer, time and file order, or the customers of a cohort/customers source; a note gives the total",
                      example: "events | where customer = \"u0000004\" | rows"),
        "metric": Entry(syntax: "metric <name>[, <name>…]", summary: "compute metrics (see `help metrics`)", example: "cohort by channel | metric conversion_rate, repeat_rate"),
        "retention": Entry(syntax: "retention [period \(choices(PeriodUnit.self))] [percent] [on purchase|any|<event>|<stage>] [unbounded] [horizon N] "
                               + "[start <event>|<stage>] [recurring] [rolling] [brackets (N, …)] [min_events N] [value revenue|orders]",
                           summary: "cohort × period matrix of customers active again; `start` anchors on a start event (first time, or "
                               + "`recurring`: every period with one), `rolling` counts 24-hour days, 7-day weeks, 30-day months from each "
                               + "anchor, `brackets` groups periods, `min_events` needs N return events a period, `value` sums revenue or orders",
                           example: "cohort by first_purchase period month | retention percent"),
        "detail": Entry(syntax: "… | retention … | detail", summary: "add each retention cell's base (what its percentage divides by) as base_<column> columns",
                        example: "cohort by channel | retention percent horizon 6 | detail"),
        "funnel": Entry(syntax: "funnel <event|[stage] stage> -> <event|[stage] stage> [-> …] [within 30m|24h|30d|6mo] [\(choices(FunnelOrder.self))] [by week|<events column>] [attribution first|last|step N]",
                        summary: "how many customers get through each step; a name that is both an event and a stage (`purchase`) is "
                            + "the event, as in PostHog: write `stage purchase` for the stage (the first purchase); stage steps are "
                            + "labelled `stage …`; median times under a day show in hours or minutes; `by week` gives conversion per "
                            + "period of entry, `by <events column>` a breakdown by the value on the first (or `last`, `step N`) step's event", example: "cohort by signup | funnel awareness -> consideration -> purchase within 30d"),
        "rfm": Entry(syntax: "rfm [period day|week|month] [| by segment|r_score|f_score|m_score | metric …]",
                     summary: "per customer with a purchase by as_of: frequency, recency, T, monetary (purchases collapsed per day), "
                         + "quintile scores (5 best) and the RFM segment; or grouped by them with any metric",
                     example: "cohort | rfm period week | by segment | metric customers, revenue"),
        "clv": Entry(syntax: "clv [period day|week|month] [horizon 39w] [discount 0.10]   |   clv params [period …]   |   clv check [period …] [horizon …]",
                     summary: "BG/NBD and Gamma-Gamma fitted up to as_of: per customer p_alive, expected purchases, expected order value "
                         + "and lifetime value over the horizon; `params` the fitted parameters; `check` predicted against actual repeat purchases after as_of",
                     example: "events | clv period week horizon 39w"),
        "paths": Entry(syntax: "paths [from <event>] [to <event>] [steps 2..20] [session 30m] [edges N]",
                       summary: "the most common transitions between events (step, from, to, count, customers): sessions split at "
                           + "gaps of 30 minutes, repeats collapsed, the first 5 events of each path (the last ones with `to`), top 50",
                       example: "events | paths from product_view steps 4"),
        "lifecycle": Entry(syntax: "lifecycle [period \(choices(PeriodUnit.self))] [on purchase|any|<event>]",
                           summary: "per period (default: set period), active customers split into new (signup period), returning (active the "
                               + "period before) and resurrecting, customers gone dormant (negative), and pulse = (new + resurrecting) / |dormant|; "
                               + "`by` a customer attribute splits it",
                           example: "events | lifecycle period month"),
        "stickiness": Entry(syntax: "stickiness [period \(choices(PeriodUnit.self))]",
                            summary: "customers active in exactly n periods (default: days) of the time range (first event day or the "
                                + "`where ts >=` bound to as_of or the `where ts <` bound), and in at least n (cumulative)",
                            example: "events | where ts >= 2023-10 | stickiness period week"),
        "sort": Entry(syntax: "sort <column> [\(choices(SortDirection.self))]", summary: "order result rows", example: "cohort by channel | metric cpa | sort cpa"),
        "top": Entry(syntax: "top N", summary: "the N rows with the largest last measure (for cpa or churn_rate the worst: see bottom)", example: "cohort by country | metric revenue | top 5"),
        "bottom": Entry(syntax: "bottom N", summary: "the N rows with the smallest last measure (missing values last)", example: "events | by channel | metric cpa | bottom 3"),
        "limit": Entry(syntax: "limit N", summary: "the first N rows", example: "events | by day | metric events | limit 7"),
        "plot": Entry(syntax: "… | plot", summary: "draw the result in the terminal", example: "cohort by first_purchase | retention percent | plot"),
        "export": Entry(syntax: "… | export \"file.html|svg|csv|json\"", summary: "write the result to a file", example: "cohort | metric stage_share | export \"stages.html\""),
    ]

    static func topics(_ vocabulary: Vocabulary) -> [String] {
        Array(statements.keys) + Metric.allNames + Stage.allNames + ["metrics", "stages"]
    }

    /// Help for a topic, or nil when it is unknown. `context` is asked for only by `help stages`, which
    /// counts the customers in each stage when data is loaded.
    static func text(_ topic: String?, stageMap: StageMap, settings: SessionSettings = SessionSettings(),
                     context: () -> EvalContext? = { nil }) -> String? {
        guard let topic = topic?.lowercased().trimmingCharacters(in: .whitespaces), !topic.isEmpty else { return overview }
        let words = topic.split(separator: " ").map(String.init)
        let subject = ["metric", "step", "statement", "stage"].contains(words[0]) && words.count > 1 ? words[1] : words[0]
        if subject == "metrics" { return metricList() }
        if words[0] == "stage", words.count == 1, let stage = statements["stage"] { return entry("stage", stage) }
        // `help step retention` asks for the step, not the stage of the same name.
        if ["step", "statement"].contains(words[0]), words.count > 1, let entry = statements[subject] { return self.entry(subject, entry) }
        if let metric = Metric(named: subject) { return metricHelp(metric) }
        // `help retention` is the step a question names (issue 15); the stage of that name is `help stage retention`.
        if words.count == 1, let step = statements[subject], Stage(named: subject) != nil {
            return entry(subject, step) + "\n  " + MessageCatalog.text("help.stage_of_step", ["name": subject, "stage": Stage(named: subject)?.displayName() ?? subject])
        }
        if let stage = Stage(named: subject), !(words[0] == "stage" && words.count == 1) {
            return stageHelp(stage, stageMap)
        }
        if subject == "stages" { return LifecycleDiagram(stageMap: stageMap, settings: settings, context: context()).render() }
        if let entry = statements[subject] { return self.entry(subject, entry) }
        // Names analysts type for a metric (`help aov`) point at it (issue 15).
        if let hint = MetricSynonyms.hint(for: subject) { return MessageCatalog.text("help.not_a_name", ["subject": subject, "hint": hint]) }
        return nil
    }

    private static func entry(_ name: String, _ e: Entry) -> String {
        "\(name): \(statementSummary(name, e))\n  \(label(MessageCatalog.text("help.syntax_label"), width: 9))\(e.syntax)\n  \(label(MessageCatalog.text("help.example_label"), width: 9))\(e.example)"
    }

}
