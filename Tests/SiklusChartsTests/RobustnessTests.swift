import SiklusEngine
import XCTest
import SiklusTestSupport
@testable import SiklusCharts

/// Random results at random sizes: every chart either fits its area exactly or says it is too
/// small. Labels include CJK, emoji and very long names to exercise width counting.
final class RobustnessTests: XCTestCase {

    static let labels = ["2022-09", "social", "日本の顧客", "고객 세그먼트", "🚀 launch", "a-very-long-label-that-never-ends-at-all", "x", "café"]

    func testChartsAlwaysFitOrRefuse() throws {
        var random = SplitMix64(seed: 20_261_124)
        var drawn = 0
        for round in 0..<300 {
            let table = randomTable(&random)
            let options = ChartOptions(width: Int.random(in: 20...140, using: &random),
                                       height: Int.random(in: 3...40, using: &random),
                                       color: Bool.random(using: &random))
            if try ChartFit.drawnWithin(table, options: options, context: "round \(round) \(table.shape)") { drawn += 1 }
        }
        // Most sizes are big enough; if few charts were drawn the test would prove little.
        XCTAssertGreaterThan(drawn, 200)
    }

    private func randomTable(_ random: inout SplitMix64) -> ResultTable {
        let rows = Int.random(in: 1...25, using: &random)
        func label(_ index: Int) -> String { Self.labels[(index + rows) % Self.labels.count] + (index >= Self.labels.count ? "\(index)" : "") }
        func numbers(_ range: ClosedRange<Double>, nulls: Bool = true) -> [Double?] {
            (0..<rows).map { _ in nulls && Int.random(in: 0..<8, using: &random) == 0 ? nil : Double.random(in: range, using: &random) }
        }
        let counts = (0..<rows).map { _ in Int64.random(in: 0...50_000, using: &random) }
        switch Int.random(in: 0..<6, using: &random) {
        case 0:
            let periods = Int.random(in: 1...24, using: &random)
            return ResultTable(columns: [
                ResultColumn(name: "cohort", unit: .text, values: .text((0..<rows).map(label))),
                ResultColumn(name: "customers", unit: .count, values: .integer(counts)),
            ] + (0..<periods).map { ResultColumn(name: "\($0)", unit: .percent, values: .number(numbers(0...100))) }, shape: .retention)
        case 1:
            return ResultTable(columns: [
                ResultColumn(name: "step", unit: .text, values: .text((0..<rows).map(label))),
                ResultColumn(name: "customers", unit: .count, values: .integer(counts.sorted(by: >))),
                ResultColumn(name: "from_previous", unit: .percent, values: .number(numbers(0...100))),
                ResultColumn(name: "from_first", unit: .percent, values: .number(numbers(0...100))),
                ResultColumn(name: "median_days", unit: .days, values: .number(numbers(0...400))),
            ], shape: .funnel)
        case 2:
            let groups = Int.random(in: 1...4, using: &random)
            return ResultTable(columns: [
                ResultColumn(name: "week", unit: .date, values: .integer((0..<rows).map { Int64($0 / groups) * 604_800 })),
                ResultColumn(name: "channel", unit: .text, values: .text((0..<rows).map { label($0 % groups) })),
                ResultColumn(name: "revenue", unit: .money, values: .number(numbers(-5_000...2_000_000))),
                ResultColumn(name: "rate", unit: .percent, values: .number(numbers(0...100))),
            ], shape: .series)
        case 3:
            return ResultTable(columns: [
                ResultColumn(name: "stage", unit: .text, values: .text((0..<rows).map(label))),
                ResultColumn(name: "customers", unit: .count, values: .integer(counts)),
            ], shape: .stageShare)
        case 4:
            let stages = (0..<min(rows, 9)).map(label)
            return ResultTable(columns: [ResultColumn(name: "from", unit: .text, values: .text((0..<rows).map(label)))]
                + stages.map { ResultColumn(name: $0, unit: .count, values: .integer((0..<rows).map { _ in Int64.random(in: 0...3_000, using: &random) })) },
                shape: .transitions)
        default:
            return ResultTable(columns: [
                ResultColumn(name: "channel", unit: .text, values: .text((0..<rows).map(label))),
                ResultColumn(name: "revenue", unit: .money, values: .number(numbers(-1_000...1_000_000))),
            ])
        }
    }
}
