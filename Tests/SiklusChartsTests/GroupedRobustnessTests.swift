import SiklusEngine
import SiklusTestSupport
import XCTest
@testable import SiklusCharts

/// Random grouped results (split stage shares, small multiples) at random sizes, with and without
/// presentation mode: every chart fits its area or says it is too small.
final class GroupedRobustnessTests: XCTestCase {
    func testGroupedChartsAlwaysFitOrRefuse() throws {
        var random = SplitMix64(seed: 20_261_206)
        var drawn = 0
        for round in 0..<300 {
            let table = round % 2 == 0 ? stageShare(&random) : metrics(&random)
            let options = ChartOptions(width: Int.random(in: 20...140, using: &random), height: Int.random(in: 3...40, using: &random),
                                       color: Bool.random(using: &random), present: Bool.random(using: &random))
            if try ChartFit.drawnWithin(table, options: options, context: "round \(round)") { drawn += 1 }
        }
        XCTAssertGreaterThan(drawn, 200)
    }

    private func label(_ index: Int) -> String {
        RobustnessTests.labels[index % RobustnessTests.labels.count] + (index >= RobustnessTests.labels.count ? "\(index)" : "")
    }

    /// Groups × stages, rows in any order, some stages missing, nulls and zero groups.
    private func stageShare(_ random: inout SplitMix64) -> ResultTable {
        let groups = Int.random(in: 1...30, using: &random)
        var rows: [(String?, String?, Int64?)] = []
        for group in 0..<groups {
            for stage in Fixtures.stages where Int.random(in: 0..<6, using: &random) > 0 {
                let count: Int64? = Int.random(in: 0..<10, using: &random) == 0 ? nil : Int64.random(in: 0...5_000, using: &random)
                rows.append((group == 0 && Bool.random(using: &random) ? nil : label(group), stage, count))
            }
        }
        rows.shuffle(using: &random)
        if rows.isEmpty { rows.append((label(0), "churn", 1)) }
        return ResultTable(columns: [
            ResultColumn(name: "channel", unit: .text, values: .text(rows.map(\.0))),
            ResultColumn(name: "stage", unit: .text, values: .text(rows.map(\.1))),
            ResultColumn(name: "customers", unit: .count, values: .integer(rows.map(\.2))),
        ], shape: .stageShare)
    }

    /// One or two label columns and one to six metrics of every unit, negative values and nulls.
    private func metrics(_ random: inout SplitMix64) -> ResultTable {
        let rows = Int.random(in: 1...40, using: &random)
        let labelColumns = Int.random(in: 1...2, using: &random)
        let units: [ValueUnit] = [.count, .money, .percent, .ratio, .days]
        let labels = (0..<labelColumns).map { column in
            ResultColumn(name: column == 0 ? "channel" : "country", unit: .text, values: .text((0..<rows).map { label($0 * (column + 1)) }))
        }
        let metrics = (0..<Int.random(in: 1...6, using: &random)).map { index -> ResultColumn in
            let unit = units[Int.random(in: 0..<units.count, using: &random)]
            let values = (0..<rows).map { _ -> Double? in
                Int.random(in: 0..<8, using: &random) == 0 ? nil : Double.random(in: -1_000...2_000_000, using: &random)
            }
            return ResultColumn(name: "metric_\(index)", unit: unit, values: .number(values))
        }
        return ResultTable(columns: labels + metrics)
    }
}
