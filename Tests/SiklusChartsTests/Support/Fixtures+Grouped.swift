import SiklusEngine

/// Grouped results in the engine's shapes: a stage share split by channel (one block of seven stage
/// rows per group, shares within the group) and several metrics over the same groups.
extension Fixtures {
    static let groupChannels = ["affiliate", "display", "email", "referral", "search", "social"]

    static func groupedStageShare() -> ResultTable {
        let counts: [[Int64]] = [
            [224, 68, 92, 9, 7, 4, 92],
            [342, 106, 120, 7, 5, 2, 59],
            [193, 98, 98, 14, 28, 6, 170],
            [160, 80, 101, 12, 19, 3, 158],
            [590, 221, 280, 30, 52, 9, 290],
            [540, 172, 248, 35, 30, 7, 219],
        ]
        var group: [String?] = [], stage: [String?] = [], customers: [Int64?] = [], share: [Double?] = []
        for (channel, row) in zip(groupChannels, counts) {
            let total = Double(row.reduce(0, +))
            for (index, count) in row.enumerated() {
                group.append(channel)
                stage.append(stages[index])
                customers.append(count)
                share.append(Double(count) / total * 100)
            }
        }
        return ResultTable(columns: [
            ResultColumn(name: "cohort", unit: .text, values: .text(group)),
            ResultColumn(name: "stage", unit: .text, values: .text(stage)),
            ResultColumn(name: "customers", unit: .count, values: .integer(customers)),
            ResultColumn(name: "share", unit: .percent, values: .number(share)),
        ], shape: .stageShare, title: .stageShare(date: "2023-12-31"))
    }

    /// `cohort by channel | metric cpa, repeat_rate`: money and percent over the same six groups.
    static func channelMetrics() -> ResultTable {
        ResultTable(columns: [
            ResultColumn(name: "cohort", unit: .text, values: .text(groupChannels)),
            ResultColumn(name: "cpa", unit: .money, values: .number([50.89, 199.22, 0.47, 0, 40.02, 63.87])),
            ResultColumn(name: "repeat_rate", unit: .percent, values: .number([35.0, 40.7, 44.8, 38.8, 39.1, 40.0])),
        ])
    }

    /// Four metrics: too many to sit side by side at 60 columns, so they stack.
    static func channelFourMetrics() -> ResultTable {
        var table = channelMetrics()
        table.columns += [
            ResultColumn(name: "orders", unit: .count, values: .integer([163, 96, 396, 341, 641, 463])),
            ResultColumn(name: "revenue", unit: .money, values: .number([6_931.4, 3_409.61, 16_592.9, 14_957.98, 28_631.1, 20_792.09])),
        ]
        return table
    }

    /// `cohort by channel | metric orders`: a count, whose axis says `orders` and nothing more.
    static func channelOrders() -> ResultTable {
        ResultTable(columns: [
            ResultColumn(name: "cohort", unit: .text, values: .text(groupChannels)),
            ResultColumn(name: "orders", unit: .count, values: .integer([163, 96, 396, 341, 641, 463])),
        ])
    }
}
