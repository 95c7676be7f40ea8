import Foundation
import SiklusLanguage
import SiklusTestSupport
@testable import SiklusEngine

/// The data sets and pipelines of the matrix: the engine golden scripts on the demo data, the `explain`
/// SQL cases on the demo data, and three random data sets from the differential-test generator (fixed
/// seeds: ties in ts, missing amounts and channels, customers in one table only).
enum MatrixData {
    /// The `load` statements of the demo data (`spend` unless `# no-spend`, nothing for `# no-data`).
    static func demoLoads(spend: Bool = true) -> String {
        ["customers", "events"].map { #"load \#($0) "\#(TestPaths.demoFile("\($0).csv"))""# }
            .joined(separator: "\n") + (spend ? "\n" + #"load spend "\#(TestPaths.demoFile("spend.csv"))""# : "")
    }

    /// Each golden script's name, its text and the loads it starts from.
    static func goldenScripts() throws -> [(name: String, text: String, loads: String)] {
        try GoldenQueryTests.scripts().map { url in
            let text = try String(contentsOf: url, encoding: .utf8)
            let lines = Set(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
            let loads = lines.contains("# no-data") ? "" : demoLoads(spend: !lines.contains("# no-spend"))
            return (url.lastPathComponent, text, loads)
        }
    }

    static let seeds: [UInt64] = [0x5EED_0001, 0x5EED_0002, 0x5EED_0003]

    /// A random data set written as CSV files in `directory`, and the loads reading them.
    static func randomLoads(seed: UInt64, in directory: URL) throws -> String {
        var rng = SplitMix64(seed: seed)
        let data = RandomDataset.generate(&rng)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var loads: [String] = []
        for (table, text) in [("customers", data.customersCSV()), ("events", data.eventsCSV())] + (data.spend.isEmpty ? [] : [("spend", data.spendCSV())]) {
            let url = directory.appendingPathComponent("\(table).csv")
            try text.write(to: url, atomically: true, encoding: .utf8)
            loads.append(#"load \#(table) "\#(url.path)""#)
        }
        return loads.joined(separator: "\n")
    }

    /// A random line-item events file (UCI Online Retail shape: C-prefixed cancellations, all-negative
    /// invoices, lines without an invoice) written in `directory`, and the load reading it.
    static func lineItemLoads(seed: UInt64, in directory: URL) throws -> String {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent("online_retail.csv")
        try OnlineRetailLines.csv(OnlineRetailLines.rows(seed: seed, customers: 40)).write(to: url, atomically: true, encoding: .utf8)
        return #"load events "\#(url.path)""#
    }

    /// Pipelines for the line-item data sets: orders, returns and avg_order, stages, first purchases and
    /// funnels by order, and rows.
    static let lineItemPipelines = [
        "events | metric customers, events, orders, returns, revenue, avg_order",
        "events | by month | metric orders, returns, revenue, avg_order",
        "events | by Country | metric orders, returns, avg_order | sort orders desc, Country",
        "cohort | metric conversion_rate, repeat_rate, orders_per_customer, ltv, time_to_purchase, churn_rate",
        "events | by stage | metric events, orders, returns",
        "cohort by first_purchase | retention",
        "cohort | funnel purchase -> purchase within 30d",
        "cohort | metric stage_share",
        "events | rows 30",
        "customers | rows 15",
        "events | where Quantity < 0 | rows 10",
        "events | by month | metric median_revenue_per_customer, median_revenue_per_buyer, median_orders_per_buyer",
    ]

    /// Pipelines for the random data sets, after the differential test's: retention variants, order
    /// metrics with and without a stage, conversion by month, stage shares, funnels of events and stages,
    /// transitions, and spend.
    static let randomPipelines = [
        "cohort by first_purchase | retention",
        "cohort by signup | retention on any unbounded percent",
        "cohort by first_purchase period week | retention on any horizon 6",
        #"cohort | retention start "visit" period week horizon 5 percent | detail"#,
        #"cohort | retention start "login" recurring on any period month"#,
        "cohort by signup | retention rolling period week brackets (1, 3) min_events 2 on any",
        "cohort by first_purchase | retention value revenue percent horizon 4 | detail",
        "cohort by signup period week | retention value orders on any horizon 3",
        "cohort | metric customers, orders, revenue, avg_order, repeat_rate, conversion_rate",
        "cohort | stage retention | metric customers, orders, revenue, avg_order, repeat_rate, conversion_rate",
        "cohort by channel | metric customers, orders, revenue, avg_order, repeat_rate, conversion_rate",
        "cohort by channel | stage retention | metric customers, orders, revenue, avg_order, repeat_rate, conversion_rate",
        "events | by month | metric customers, repeat_rate, conversion_rate",
        "events | by month | metric active, engagement, ltv, time_to_purchase, churn_rate",
        "cohort | metric stage_share",
        "cohort by channel | metric stage_share",
        #"cohort | funnel "visit" -> "add_to_cart" -> "purchase" within 14d"#,
        #"cohort by channel | funnel "product_view" -> "purchase" within 3d strict"#,
        "cohort | funnel awareness -> consideration -> purchase any order",
        "events | funnel visit -> stage purchase -> purchase within 60d",
        "cohort | funnel visit -> (product_view, page_view) -> purchase where amount > 40 within 30d exclude cancel between 2 and 3",
        "cohort by channel | funnel (visit, ad_impression) -> add_to_cart -> purchase within 7d any order exclude unsubscribe",
        "events | funnel product_view -> purchase within 12h strict exclude cancel",
        // Funnel trends and breakdowns by an events column (issue 13 §3).
        "cohort | funnel visit -> product_view -> purchase within 14d by week",
        "cohort by channel | funnel (visit, ad_impression) -> purchase within 30d any order exclude cancel by month",
        "cohort | funnel visit -> add_to_cart -> purchase within 30d by events.channel attribution last quantiles",
        "events | funnel product_view -> add_to_cart -> purchase within 7d strict by events.channel attribution step 2",
        "cohort | funnel visit -> (product_view, page_view) -> purchase within 30d any order by events.channel",
        "cohort | funnel visit -> add_to_cart -> purchase exclude cancel | dropped 1 | metric customers, revenue",
        "cohort | metric transitions",
        "events | metric spend, cpa",
        "events | by channel | metric spend, cpa",
        "events | by month | metric spend, cpa",
        "events | by month, channel | metric spend, cpa",
        "events | where amount > 50 or channel = tiktok | by channel | metric orders, revenue",
        "cohort by country | metric revenue, ltv | sort ltv desc, country",
        "cohort | by customer | metric revenue | top 5",
        "events | rows 25",
        "customers | rows 25",
        "cohort | where event = purchase | rows 10 | sort events desc",
        "events | by event | metric events, customers | sort events desc, event | limit 8",
        // Paths and behavioural cohorts (issue 13 §5, §6).
        "events | paths",
        #"events | paths from "visit" session 1d steps 4 edges 20"#,
        #"events | paths to "purchase" session 7d edges 15"#,
        #"cohort did "purchase" >= 2 times within 30d of signup | metric customers, revenue"#,
        #"cohort did not "purchase" within 60d | by channel | metric customers"#,
        "events | lifecycle period week",
        "cohort by channel | lifecycle on purchase",
        "events | where ts >= 2023-02 and ts < 2023-05 | lifecycle period day",
        "events | stickiness period week",
        "cohort by channel | where ts < 2023-03 | stickiness",
        "events | by month | metric dau, wau, mau, dau_mau",
        "cohort by country | where ts >= 2023-02 | metric dau, dau_mau, customers",
        // Customer value (issue 14): the summary in SQL, scores and fits in Swift.
        "events | rfm period week",
        "events | where channel != tiktok | clv period week horizon 8w",
        "events | rfm | by segment, f_score | metric customers, revenue, avg_order, repeat_rate",
        // Lapsed prospects and the per-customer medians (issue 15 §4).
        "cohort by channel | stage lapsed | metric customers, events",
        "cohort by channel | metric median_revenue_per_customer, median_revenue_per_buyer, median_orders_per_buyer",
        "events | by month | metric customers, median_revenue_per_customer, median_revenue_per_buyer, median_orders_per_buyer",
    ]

    /// The `explain` SQL cases as script text: setup statements, then the pipeline.
    static var explainCases: [(label: String, text: String)] {
        ExplainSQLTests.cases.enumerated().map { i, c in
            ("explain-case-\(i + 1)", (c.setup.map { $0 + "\n" } ?? "") + c.pipeline)
        }
    }
}
