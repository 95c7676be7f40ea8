import SiklusEngine
import XCTest
@testable import SiklusShell

/// Tab completion as a pure function of the line and cursor.
final class CompletionTests: XCTestCase {
    /// Fixed names, so the tests do not depend on the engine's catalog. `Vocabulary` has no public
    /// initializer, so the session's is copied and its (public) fields replaced.
    private static let vocabulary: Vocabulary = {
        var vocabulary = Session().vocabulary
        vocabulary.statements = ["cohort", "events", "load", "let", "set", "stages", "stage", "explain", "help"]
        vocabulary.steps = ["stage", "where", "by", "metric", "retention", "funnel", "sort", "top", "limit", "plot", "export"]
        vocabulary.metrics = ["avg_order", "aov", "repeat_rate", "revenue"]
        vocabulary.stages = ["awareness", "education", "consideration", "purchase", "retention", "advocacy", "churn", "pembelian"]
        vocabulary.tables = ["events", "customers", "spend"]
        vocabulary.columns = ["channel", "country", "campaign", "month", "week"]
        vocabulary.options = ["churn_after", "as_of", "period", "week_start"]
        vocabulary.variables = []
        return vocabulary
    }()

    private let source = CompletionSource(
        vocabulary: CompletionTests.vocabulary,
        knownValues: { column in
            switch column {
            case "channel": ["social", "search", "email"]
            case "country": ["ID", "SG", "MY"]
            case "campaign": ["spring sale", "spring launch"]
            default: []
            }
        },
        listDirectory: { path in
            switch path {
            case "data/": [("events.csv", false), ("extra", true)]
            case "my data/": [("events 2023.csv", false), ("spend.csv", false)]
            case ".": [("data", true), ("demo.sik", false), (".hidden", false), ("my data", true)]
            case "mixed/": [("a.csv", false), ("b.tsv.gz", false), ("c.TXT", false), ("notes.md", false), ("q.sik", false), ("sub", true)]
            case "other/": [("x.dat", false), ("y.sik", false)]
            default: []
            }
        })

    /// Completes at the end of `line` (or at the `‸` marker).
    private func complete(_ line: String) -> Completion {
        if let marker = line.firstIndex(of: "‸") {
            var text = line
            text.remove(at: marker)
            return Completer.complete(line: text, cursor: line.distance(from: line.startIndex, to: marker), source: source)
        }
        return Completer.complete(line: line, cursor: line.count, source: source)
    }

    func testStatementsAtTheStartOfALine() {
        XCTAssertEqual(complete("coh").candidates, ["cohort"])
        XCTAssertEqual(complete("  st").candidates, ["stage", "stages"])
        XCTAssertEqual(complete("").candidates.count, 9)
        XCTAssertEqual(complete("stages; le").candidates, ["let"])
        XCTAssertEqual(complete("coh").context, .statement)
    }

    func testColumnsInADeriveExpression() {
        XCTAssertEqual(complete("events | derive amount = ").context, .column)
        XCTAssertEqual(complete("events | derive amount = cam").candidates, ["campaign"])
        XCTAssertEqual(complete("events | derive x = country * ch").candidates, ["channel"])
        XCTAssertEqual(complete("events | derive x = (a + ").context, .column)
        XCTAssertEqual(complete("events | derive x = a / ").context, .column)
        // Outside derive, `=` still completes the column's values.
        XCTAssertEqual(complete("cohort channel=so").candidates, ["social"])
    }

    func testMetaCommandsAfterALeadingDot() {
        XCTAssertEqual(complete(".mo"), Completion(context: .metaCommand, word: ".mo", candidates: [".mode"], suffix: " "))
        XCTAssertEqual(complete(".t").candidates, [".tables", ".timer", ".tour"])
        XCTAssertEqual(complete(".").candidates, MetaCommands.dottedNames.sorted())
    }

    func testMetaCommandArgumentsComeFromTheTable() {
        XCTAssertEqual(complete(".mode c").candidates, ["csv"])
        XCTAssertEqual(complete(".mode ").context, .metaArgument("mode"))
        XCTAssertEqual(complete(".timer o").candidates, ["off", "on"])
        XCTAssertEqual(complete(".bail of").candidates, ["off"])
        XCTAssertEqual(complete(".schema cu").candidates, ["customers"])
        XCTAssertEqual(complete(".help ex").candidates, ["exit", "export"])
        XCTAssertEqual(complete(".read de").candidates, ["demo.sik"])
        XCTAssertEqual(complete(".quit x").candidates, [])
    }

    func testMetricsAfterMetricAndInAList() {
        XCTAssertEqual(complete("cohort signup=2022-09 | metric avg_o"), Completion(context: .metric, word: "avg_o", candidates: ["avg_order"], suffix: " "))
        XCTAssertEqual(complete("cohort x | metric avg_order, re").candidates, ["repeat_rate", "revenue"])
        XCTAssertEqual(complete("cohort x | metric avg_order,re").candidates, ["repeat_rate", "revenue"])
        XCTAssertEqual(complete("cohort x | metric ").candidates.count, 4)
    }

    func testStagesAfterStage() {
        XCTAssertEqual(complete("cohort x | stage re").candidates, ["retention"])
        XCTAssertEqual(complete("stage pe").candidates, ["pembelian"])
        XCTAssertEqual(complete("cohort x | stage RE").candidates, ["retention"], "case-insensitive")
    }

    func testColumnsAfterByWhereAndInAByList() {
        XCTAssertEqual(complete("events | by ch").context, .column)
        XCTAssertEqual(complete("events | by ch").candidates, ["channel"])
        XCTAssertEqual(complete("events | where co").candidates, ["country"])
        XCTAssertEqual(complete("events | where channel=social and co").candidates, ["country"])
        XCTAssertEqual(complete("events | by channel, c").candidates, ["campaign", "channel", "country"])
    }

    func testStepsAfterAPipe() {
        XCTAssertEqual(complete("cohort x | me").candidates, ["metric"])
        XCTAssertEqual(complete("cohort x |re").candidates, ["retention"])
    }

    /// `lifecycle` and `stickiness` (issue 13): the steps themselves, their options not yet written, period units,
    /// and the activity after `on`.
    func testTrendStepsAndTheirOptions() {
        XCTAssertTrue(Set(["lifecycle", "stickiness"]).isSubset(of: Session().vocabulary.steps))
        XCTAssertEqual(complete("events | lifecycle ").candidates, ["on", "period"])
        XCTAssertEqual(complete("events | lifecycle period w"), Completion(context: .stepOption(["day", "week", "month", "quarter", "year"]), word: "w",
                                                                             candidates: ["week"], suffix: " "))
        XCTAssertEqual(complete("events | lifecycle period week ").candidates, ["on"])
        XCTAssertEqual(complete("events | lifecycle on p").candidates, ["purchase"])
        XCTAssertEqual(complete("events | lifecycle on ").context, .activity)
        XCTAssertEqual(complete("events | stickiness ").candidates, ["period"])
        XCTAssertEqual(complete("events | stickiness period ").candidates, ["day", "month", "quarter", "week", "year"])
        XCTAssertEqual(complete("events | stickiness period day ").candidates, [])
        XCTAssertEqual(complete("events | where lifecycle = ").context, .value(column: "lifecycle"), "only as the step's first word")
    }

    /// `rfm` and `clv` (issue 14): `params` and `check` right after `clv`, the options of each kind not yet
    /// written, and only the units the models accept after `period`.
    func testCustomerValueStepsAndTheirOptions() {
        XCTAssertEqual(complete("events | clv ").candidates, ["check", "discount", "horizon", "params", "period"])
        XCTAssertEqual(complete("events | clv p"), Completion(context: .stepOption(["params", "check", "period", "horizon", "discount"]), word: "p",
                                                             candidates: ["params", "period"], suffix: " "))
        XCTAssertEqual(complete("events | clv period ").candidates, ["day", "month", "week"])
        XCTAssertEqual(complete("events | clv period week ").candidates, ["discount", "horizon"])
        XCTAssertEqual(complete("events | clv horizon ").candidates, [])
        XCTAssertEqual(complete("events | clv params ").candidates, ["period"])
        XCTAssertEqual(complete("events | clv check ").candidates, ["horizon", "period"])
        XCTAssertEqual(complete("events | rfm ").candidates, ["period"])
        XCTAssertEqual(complete("events | rfm period ").candidates, ["day", "month", "week"])
        XCTAssertEqual(complete("events | rfm period month ").candidates, [])
    }

    func testFunnelStepsAndOptions() {
        XCTAssertEqual(complete("cohort | funnel visit -> purchase ex").candidates, ["exclude"])
        XCTAssertEqual(complete("cohort | funnel visit -> purchase within 7d q").candidates, ["quantiles"])
        XCTAssertEqual(complete("cohort | funnel visit -> purchase where amount > 50 w").candidates, ["where", "within"])
        XCTAssertEqual(complete("cohort | funnel visit -> purchase exclude cancel b").candidates, ["between", "by"])
        XCTAssertEqual(complete("cohort | funnel visit -> purchase where a").context, .column)
        XCTAssertEqual(complete("cohort | funnel visit -> purchase exclude c").candidates, [], "an event name comes after exclude")
        // The session's step words include the funnel's (this test's vocabulary is fixed).
        XCTAssertTrue(Set(["dropped", "histogram"]).isSubset(of: Session().vocabulary.steps))
        XCTAssertEqual(complete("cohort x | metric a").context, .metric, "other steps keep their contexts")
    }

    func testTablesAfterLoadAndOptionsAfterSet() {
        XCTAssertEqual(complete("load c").candidates, ["customers"])
        XCTAssertEqual(complete("unload s").candidates, ["spend"])
        XCTAssertEqual(complete("set ch").candidates, ["churn_after"])
        XCTAssertEqual(complete("help av").candidates, ["avg_order"])
    }

    func testKnownValuesAfterColumnEquals() {
        XCTAssertEqual(complete("events | where channel=so"), Completion(context: .value(column: "channel"), word: "so", candidates: ["social"], suffix: " "))
        XCTAssertEqual(complete("cohort country=").candidates, ["ID", "MY", "SG"])
        XCTAssertEqual(complete("cohort x | where country = s").candidates, ["SG"])
        XCTAssertEqual(complete("cohort x | where campaign=spring").candidates, ["spring launch", "spring sale"])
        XCTAssertEqual(complete("cohort x | where week=").candidates, [])
    }

    func testFilePathsInsideQuotes() {
        XCTAssertEqual(complete(#"load events "da"#), Completion(context: .path(quoted: true), word: "da", candidates: ["data/"], suffix: ""))
        XCTAssertEqual(complete(#"load events "data/e"#), Completion(context: .path(quoted: true), word: "data/e", candidates: ["data/events.csv", "data/extra/"], suffix: "\""))
        XCTAssertEqual(complete(#"load events "data/ev"#).candidates, ["data/events.csv"])
        XCTAssertEqual(complete(#"load events "data/ev"#).suffix, "\"")
        XCTAssertEqual(complete(#"load events '."#).candidates, [".hidden"])
        XCTAssertEqual(complete(#"load events "x" | metric av"#).context, .metric, "a closed string is not a path")
    }

    func testLoadPathsOfferDataFiles() {
        // What `siklus FILE` loads by name: .csv, .tsv, .txt, .gz (any case), and directories.
        XCTAssertEqual(complete(#"load events "mixed/"#).candidates, ["mixed/a.csv", "mixed/b.tsv.gz", "mixed/c.TXT", "mixed/sub/"])
        XCTAssertEqual(complete(#"stages; LOAD spend "mixed/"#).candidates.count, 4)
        // No data name: anything but a script, since the loader reads any delimited text.
        XCTAssertEqual(complete(#"load events "other/"#).candidates, ["other/x.dat"])
        // Other commands that take a path offer every file.
        XCTAssertEqual(complete(#".read "mixed/"#).candidates.count, 6)
        XCTAssertEqual(complete(#"events | export "mixed/"#).candidates.count, 6)
    }

    func testQuotedPathsWithSpacesCompleteFromTheQuote() {
        // libedit replaces only the text after the last word break (the space), so candidates are given
        // from there: "my " stays as typed.
        XCTAssertEqual(complete(#"load events "my d"#), Completion(context: .path(quoted: true), word: "d", candidates: ["data/"], suffix: ""))
        XCTAssertEqual(complete(#"load events "my data/ev"#), Completion(context: .path(quoted: true), word: "data/ev", candidates: ["data/events 2023.csv"], suffix: "\""))
        XCTAssertEqual(complete(#"load events "my data/events 2"#).candidates, ["2023.csv"])
        XCTAssertEqual(complete(#"load events "my data/s"#).candidates, ["data/spend.csv"])
        XCTAssertEqual(complete(#"load events "da"#).candidates, ["data/"], "no space: as before")
    }

    func testCursorInTheMiddleOfTheLine() {
        XCTAssertEqual(complete("cohort x | metric avg‸ | stage re").candidates, ["avg_order"])
        XCTAssertEqual(complete(".mo‸de csv").candidates, [".mode"])
    }

    func testNothingToOfferAfterAnArbitraryWord() {
        XCTAssertEqual(complete("cohort signup=2022-09 x").context, .none)
        XCTAssertEqual(complete("cohort signup=2022-09 x").candidates, [])
    }

    func testEveryCandidateStartsWithTheWordIgnoringCase() {
        for line in ["coh", ".t", "cohort x | metric r", "load events \"data/", "cohort x | where channel=s"] {
            let completion = complete(line)
            for candidate in completion.candidates {
                XCTAssertTrue(candidate.lowercased().hasPrefix(completion.word.lowercased()), "\(line) → \(candidate)")
            }
        }
    }

    func testRetentionOptionsValuesAndDetail() {
        XCTAssertEqual(complete("cohort | retention r").candidates, ["recurring", "rolling"])
        XCTAssertEqual(complete("cohort | retention percent mi").candidates, ["min_events"])
        XCTAssertEqual(complete("cohort | retention start login b").candidates, ["brackets"])
        XCTAssertEqual(complete("cohort | retention value ").candidates, ["orders", "revenue"])
        XCTAssertEqual(complete("cohort | retention period w").candidates, ["week"])
        XCTAssertEqual(complete("cohort | retention on re").candidates, ["retention"], "stages after on")
        XCTAssertEqual(complete("cohort | retention horizon ").candidates, [])
        XCTAssertEqual(complete("cohort | metric re").candidates, ["repeat_rate", "revenue"], "other steps keep their words")
        var vocabulary = Self.vocabulary
        vocabulary.steps = Session().vocabulary.steps
        let live = CompletionSource(vocabulary: vocabulary, knownValues: { _ in [] }, listDirectory: { _ in [] })
        let line = "cohort | retention | de"
        XCTAssertEqual(Completer.complete(line: line, cursor: line.count, source: live).candidates, ["derive", "detail"])
    }
}
