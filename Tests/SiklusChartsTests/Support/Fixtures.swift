import Foundation
import SiklusEngine

/// Synthetic result tables in exactly the shapes the engine produces, with fixed numbers so
/// golden files stay stable.
enum Fixtures {
    static let cohorts = ["2022-09", "2022-10", "2022-11", "2022-12", "2023-01", "2023-02"]
    static let cohortSizes: [Int64] = [1_204, 980, 1_530, 2_210, 845, 1_102]
    /// Retention percentages by cohort and offset; each cohort has one period fewer than the last.
    static let retentionRates: [[Double]] = [
        [100, 42.1, 31.5, 27.2, 24.9, 22.3],
        [100, 38.6, 29.0, 25.4, 21.7],
        [100, 45.3, 34.8, 30.1],
        [100, 51.2, 36.4],
        [100, 33.0],
        [100],
    ]

    static func retention(percent: Bool) -> ResultTable {
        let periods = (0..<6).map { offset -> ResultColumn in
            if percent {
                let values = retentionRates.map { offset < $0.count ? $0[offset] : nil }
                return ResultColumn(name: "\(offset)", unit: .percent, values: .number(values))
            }
            let values = zip(retentionRates, cohortSizes).map { rates, size -> Int64? in
                offset < rates.count ? Int64((rates[offset] / 100 * Double(size)).rounded()) : nil
            }
            return ResultColumn(name: "\(offset)", unit: .count, values: .integer(values))
        }
        return ResultTable(columns: [
            ResultColumn(name: "cohort", unit: .text, values: .text(cohorts)),
            ResultColumn(name: "customers", unit: .count, values: .integer(cohortSizes)),
        ] + periods, shape: .retention)
    }

    /// Eighteen monthly cohorts over eighteen periods: wider and taller than a terminal.
    static func wideRetention() -> ResultTable {
        let count = 18
        let labels = (0..<count).map { index -> String in
            let month = (index + 8) % 12 + 1
            let year = 2022 + (index + 8) / 12
            return "\(year)-" + (month < 10 ? "0\(month)" : "\(month)")
        }
        let sizes = (0..<count).map { Int64(800 + ($0 * 137) % 900) }
        let periods = (0..<count).map { offset -> ResultColumn in
            let values = (0..<count).map { cohort -> Double? in
                guard offset < count - cohort else { return nil }
                if offset == 0 { return 100 }
                let decay: Double = 48 * pow(0.88, Double(offset))
                return decay + Double(cohort % 4)
            }
            return ResultColumn(name: "\(offset)", unit: .percent, values: .number(values))
        }
        return ResultTable(columns: [
            ResultColumn(name: "cohort", unit: .text, values: .text(labels)),
            ResultColumn(name: "customers", unit: .count, values: .integer(sizes)),
        ] + periods, shape: .retention)
    }

    static func funnel() -> ResultTable {
        ResultTable(columns: [
            ResultColumn(name: "step", unit: .text, values: .text(["visited", "signed_up", "first_order", "second_order", "referred_friend"])),
            ResultColumn(name: "customers", unit: .count, values: .integer([12_000, 4_800, 1_500, 620, 95])),
            ResultColumn(name: "from_previous", unit: .percent, values: .number([100, 40, 31.25, 41.333333, 15.322581])),
            ResultColumn(name: "from_first", unit: .percent, values: .number([100, 40, 12.5, 5.166667, 0.791667])),
            ResultColumn(name: "median_days", unit: .days, values: .number([nil, 2, 5.5, 23, 41.5])),
        ], shape: .funnel)
    }

    static func funnelByCohort() -> ResultTable {
        let cohorts = ["2022-09", "2022-09", "2022-09", "2022-10", "2022-10", "2022-10", "2022-11", "2022-11", "2022-11"]
        let steps = ["visited", "signed_up", "first_order", "visited", "signed_up", "first_order", "visited", "signed_up", "first_order"]
        let customers: [Int64] = [3_000, 1_350, 400, 2_600, 910, 330, 3_400, 1_700, 610]
        var previous: [Double?] = [], first: [Double?] = [], median: [Double?] = []
        for index in customers.indices {
            let start = index - index % 3
            previous.append(index % 3 == 0 ? 100 : Double(customers[index]) / Double(customers[index - 1]) * 100)
            first.append(Double(customers[index]) / Double(customers[start]) * 100)
            median.append(index % 3 == 0 ? nil : Double(index % 3) * 3.5)
        }
        return ResultTable(columns: [
            ResultColumn(name: "cohort", unit: .text, values: .text(cohorts)),
            ResultColumn(name: "step", unit: .text, values: .text(steps)),
            ResultColumn(name: "customers", unit: .count, values: .integer(customers)),
            ResultColumn(name: "from_previous", unit: .percent, values: .number(previous)),
            ResultColumn(name: "from_first", unit: .percent, values: .number(first)),
            ResultColumn(name: "median_days", unit: .days, values: .number(median)),
        ], shape: .funnel)
    }

    /// Unix seconds of the first day of month `index` counted from 2022-01.
    static func monthStart(_ index: Int) -> Int64 {
        var components = DateComponents()
        components.year = 2022 + index / 12
        components.month = index % 12 + 1
        components.day = 1
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return Int64(calendar.date(from: components)?.timeIntervalSince1970 ?? 0)
    }

    static func revenueSeries() -> ResultTable {
        let revenue: [Double] = [18_250, 21_400, 19_900, 24_300, 28_800, 27_150, 31_600, 35_200, 33_900, 39_750, 46_100, 52_480]
        return ResultTable(columns: [
            ResultColumn(name: "month", unit: .date, values: .integer((0..<12).map(monthStart))),
            ResultColumn(name: "revenue", unit: .money, values: .number(revenue)),
        ], shape: .series)
    }

    static let channels = ["social", "search", "email"]

    static func channelSeries() -> ResultTable {
        var months: [Int64] = [], channel: [String?] = [], rate: [Double?] = []
        for month in 0..<12 {
            for (index, name) in channels.enumerated() {
                months.append(monthStart(month + 8))
                channel.append(name)
                let base = [18.0, 27.0, 35.0][index]
                rate.append(base + Double(month) * [1.1, 0.6, -0.4][index] + Double((month * (index + 3)) % 5) - 2)
            }
        }
        return ResultTable(columns: [
            ResultColumn(name: "month", unit: .date, values: .integer(months)),
            ResultColumn(name: "channel", unit: .text, values: .text(channel)),
            ResultColumn(name: "repeat_rate", unit: .percent, values: .number(rate)),
        ], shape: .series)
    }

    static func twoMetricSeries() -> ResultTable {
        let weeks = ["W01", "W02", "W03", "W04", "W05", "W06", "W07", "W08"]
        return ResultTable(columns: [
            ResultColumn(name: "week", unit: .text, values: .text(weeks)),
            ResultColumn(name: "new_customers", unit: .count, values: .integer([120, 135, 128, 160, 171, 158, 190, 204])),
            ResultColumn(name: "avg_order", unit: .money, values: .number([42.5, 44.1, 43.8, 47.2, 46.9, 49.5, 51.0, 50.2])),
        ], shape: .series)
    }

    static let stages = ["awareness", "education", "consideration", "purchase", "retention", "advocacy", "churn"]

    static func stageShare() -> ResultTable {
        let customers: [Int64] = [3_960, 2_140, 1_720, 1_410, 1_180, 415, 1_520]
        let total = Double(customers.reduce(0, +))
        // Rows deliberately out of lifecycle order: the chart must restore it.
        let order = [3, 0, 1, 2, 6, 4, 5]
        return ResultTable(columns: [
            ResultColumn(name: "stage", unit: .text, values: .text(order.map { stages[$0] })),
            ResultColumn(name: "customers", unit: .count, values: .integer(order.map { customers[$0] })),
            ResultColumn(name: "share", unit: .percent, values: .number(order.map { Double(customers[$0]) / total * 100 })),
        ], shape: .stageShare)
    }

    static func transitions(percent: Bool) -> ResultTable {
        let counts: [[Int64]] = [
            [0, 1_210, 340, 95, 0, 0, 610],
            [0, 0, 880, 240, 0, 0, 410],
            [0, 120, 0, 760, 0, 0, 330],
            [0, 0, 0, 0, 1_050, 40, 210],
            [0, 0, 0, 310, 0, 290, 480],
            [0, 0, 0, 120, 60, 0, 35],
            [45, 12, 0, 70, 0, 0, 0],
        ]
        var columns = [ResultColumn(name: "from", unit: .text, values: .text(stages))]
        for (index, stage) in stages.enumerated() {
            if percent {
                let values = counts.map { row -> Double? in
                    let total = Double(row.reduce(0, +))
                    return total > 0 ? Double(row[index]) / total * 100 : nil
                }
                columns.append(ResultColumn(name: stage, unit: .percent, values: .number(values)))
            } else {
                columns.append(ResultColumn(name: stage, unit: .count, values: .integer(counts.map { $0[index] })))
            }
        }
        return ResultTable(columns: columns, shape: .transitions)
    }

    static func channelRevenue() -> ResultTable {
        ResultTable(columns: [
            ResultColumn(name: "channel", unit: .text, values: .text(["social", "search", "email", "referral", "direct"])),
            ResultColumn(name: "revenue", unit: .money, values: .number([48_210.5, 91_344.25, 22_870, 9_120.75, 30_005])),
        ], shape: .table)
    }

    /// Labels of every width: CJK (two columns each), emoji, a combining accent, a long name.
    static func unicodeLabels() -> ResultTable {
        ResultTable(columns: [
            ResultColumn(name: "segment", unit: .text, values: .text(["日本の顧客", "café\u{301}", "🚀 launch", "a-segment-name-longer-than-any-column"])),
            ResultColumn(name: "customers", unit: .count, values: .integer([1_250, 980, 2_400, 15])),
        ], shape: .table)
    }

    /// Every chart fixture by golden-file name.
    static let all: [(name: String, table: ResultTable)] = [
        ("retention-percent", retention(percent: true)),
        ("retention-count", retention(percent: false)),
        ("retention-wide", wideRetention()),
        ("funnel", funnel()),
        ("funnel-by-cohort", funnelByCohort()),
        ("series-revenue", revenueSeries()),
        ("series-by-channel", channelSeries()),
        ("series-two-metrics", twoMetricSeries()),
        ("stage-share", stageShare()),
        ("transitions-count", transitions(percent: false)),
        ("transitions-percent", transitions(percent: true)),
        ("table-bars", channelRevenue()),
        ("table-bars-unicode", unicodeLabels()),
        ("stage-share-by-channel", groupedStageShare()),
        ("small-multiples", channelMetrics()),
        ("small-multiples-four", channelFourMetrics()),
        ("table-bars-orders", channelOrders()),
    ]
}
