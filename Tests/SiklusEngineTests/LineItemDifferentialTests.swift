import Foundation
import XCTest
import SiklusTestSupport
@testable import SiklusEngine
import SiklusLanguage
import SiklusStore

/// Order-level metrics against a plain reference loop on random line-item files (issue 11, item 1).
///
/// Each file has the columns `InvoiceNo, Quantity, InvoiceDate, UnitPrice, CustomerID` (no amount and no
/// event column, so every row is a purchase of Quantity × UnitPrice). Orders have 1–4 lines, sometimes at
/// different minutes (the order's time is its earliest row's); an invoice id may be shared by two customers
/// (two orders); some ids are missing (each such row is an order). Half the files have all-digit ids with
/// `C`-prefixed cancellations, the others letter ids (`A17`), where a `C` id is an ordinary order unless
/// all its rows are negative. Rows are shuffled, so the file is not grouped by customer.
final class LineItemDifferentialTests: XCTestCase {
    struct Line { let invoice: String; let quantity: Int; let minute: Int; let cents: Int; let customer: String; let fileRow: Int }

    static func generate(_ rng: inout SplitMix64) -> (lines: [Line], numericIDs: Bool) {
        let numeric = rng.chance(0.5)
        var lines: [Line] = []
        var next = 536_000 + rng.int(0...50)
        for c in 0..<rng.int(1...8) {
            let customer = "\(12_000 + c * 7).0"
            for _ in 0..<rng.int(0...5) {
                let cancel = rng.chance(0.2), allNegative = !cancel && rng.chance(0.1), missing = rng.chance(0.05)
                // Now and then the id of the previous invoice again: another customer's order, or more lines of one.
                if !rng.chance(0.1) { next += rng.int(1...3) }
                let id = missing ? "" : (cancel ? "C" : (numeric ? "" : "A")) + String(next)
                let minute = rng.int(0...(60 * 24 * 90))
                for _ in 0..<rng.int(1...4) {
                    var quantity = rng.int(1...12)
                    if cancel || allNegative || rng.chance(0.05) { quantity = -quantity }
                    lines.append(Line(invoice: id, quantity: quantity, minute: minute + (rng.chance(0.2) ? rng.int(0...30) : 0),
                                      cents: rng.int(10...2500), customer: customer, fileRow: 0))
                }
            }
        }
        for i in stride(from: lines.count - 1, to: 0, by: -1) { lines.swapAt(i, rng.int(0...i)) }
        return (lines.enumerated().map { i, l in Line(invoice: l.invoice, quantity: l.quantity, minute: l.minute, cents: l.cents, customer: l.customer, fileRow: i) }, numeric)
    }

    static func csv(_ lines: [Line]) -> String {
        let start = Date(timeIntervalSince1970: 1_704_067_200) // 2024-01-01
        let format = ISO8601DateFormatter()
        format.formatOptions = [.withFullDate, .withSpaceBetweenDateAndTime, .withTime, .withColonSeparatorInTime]
        return "InvoiceNo,Quantity,InvoiceDate,UnitPrice,CustomerID\n" + lines.map { l in
            let ts = format.string(from: start.addingTimeInterval(Double(l.minute * 60)))
            return "\(l.invoice),\(l.quantity),\(ts),\(l.cents / 100).\(String(format: "%02d", l.cents % 100)),\(l.customer)"
        }.joined(separator: "\n") + "\n"
    }

    /// Orders, returns, net revenue, buyers and repeaters, orders per month and the purchase stage's rows,
    /// by grouping the raw lines.
    struct Reference {
        var orders = 0, returns = 0, revenue = 0.0, customers = 0, buyers = 0, repeaters = 0, purchaseStageRows = 0
        var ordersByMonth: [Int: Int] = [:]

        init(_ lines: [Line], numericIDs: Bool) {
            let cancelRule = numericIDs && lines.contains { $0.invoice.hasPrefix("C") }
            var byCustomer: [String: [Line]] = [:]
            for l in lines { byCustomer[l.customer, default: []].append(l) }
            customers = byCustomer.count
            for (_, mine) in byCustomer {
                var groups: [String: [Line]] = [:]
                for l in mine { groups[l.invoice.isEmpty ? "row \(l.fileRow)" : l.invoice, default: []].append(l) }
                var bought: [(first: (Int, Int), size: Int)] = []
                for (id, rows) in groups {
                    let amounts = rows.map { Double($0.quantity) * (Double($0.cents) / 100) }
                    revenue += amounts.reduce(0, +)
                    let isReturn = (cancelRule && id.hasPrefix("C")) || amounts.allSatisfy { $0 < 0 }
                    if isReturn { returns += 1; continue }
                    orders += 1
                    let first = rows.map { ($0.minute, $0.fileRow) }.min { $0 < $1 }!
                    ordersByMonth[Self.month(first.0), default: 0] += 1
                    bought.append((first, rows.count))
                }
                if !bought.isEmpty { buyers += 1 }
                if bought.count >= 2 { repeaters += 1 }
                if let firstOrder = bought.min(by: { $0.first < $1.first }) { purchaseStageRows += firstOrder.size }
            }
        }

        /// 0 for 2024-01, 1 for 2024-02, … (the data spans 90 days from 2024-01-01).
        static func month(_ minute: Int) -> Int {
            let day = minute / (60 * 24)
            return day < 31 ? 0 : day < 60 ? 1 : day < 91 ? 2 : 3
        }
    }

    func testOrderMetricsMatchAPlainLoopOnRandomLineItems() throws {
        var rng = SplitMix64(seed: 0x11E7_0011)
        let dir = try TestPaths.temporaryDirectory("line-items")
        defer { if ProcessInfo.processInfo.environment["KEEP_LINE_ITEMS"] == nil { try? FileManager.default.removeItem(at: dir) } }
        var compared = 0
        for index in 0..<60 {
            let (lines, numeric) = Self.generate(&rng)
            guard !lines.isEmpty else { continue }
            let file = dir.appendingPathComponent("\(index).csv")
            try Self.csv(lines).write(to: file, atomically: true, encoding: .utf8)
            let session = Session()
            _ = try session.load(.events, path: file.path)
            let expected = Reference(lines, numericIDs: numeric)
            let label = "data set \(index) (\(file.lastPathComponent))"
            let table = try session.query("events | metric orders, returns, revenue, avg_order, repeat_rate, conversion_rate, customers")
            XCTAssertEqual(table.scalar("orders"), Double(expected.orders), label)
            XCTAssertEqual(table.scalar("returns"), Double(expected.returns), label)
            XCTAssertEqual(table.scalar("customers"), Double(expected.customers), label)
            func near(_ actual: Double?, _ wanted: Double?, _ what: String) {
                guard let wanted else { return XCTAssertNil(actual, "\(label): \(what)") }
                guard let actual else { return XCTFail("\(label): \(what) is null, expected \(wanted)") }
                XCTAssertEqual(actual, wanted, accuracy: 1e-9 * max(1, abs(wanted)), "\(label): \(what)")
            }
            near(table.scalar("revenue"), expected.revenue, "revenue")
            near(table.scalar("avg_order"), expected.orders == 0 ? nil : expected.revenue / Double(expected.orders), "avg_order")
            near(table.scalar("repeat_rate"), expected.buyers == 0 ? nil : Double(expected.repeaters) / Double(expected.buyers) * 100, "repeat_rate")
            near(table.scalar("conversion_rate"), Double(expected.buyers) / Double(expected.customers) * 100, "conversion_rate")
            let months = try session.query("events | by month | metric orders")
            let labels = months.texts("month").map { $0 ?? "" }, counts = months.numbers("orders")
            for (i, month) in labels.enumerated() {
                let m = ["2024-01", "2024-02", "2024-03", "2024-04"].firstIndex(of: month) ?? -1
                XCTAssertEqual(counts[i], Double(expected.ordersByMonth[m] ?? 0), "\(label): orders in \(month)")
            }
            XCTAssertEqual(counts.reduce(0) { $0 + ($1 ?? 0) }, Double(expected.orders), "\(label): orders over the months")
            let stage = try session.query("events | stage purchase | metric events, customers")
            XCTAssertEqual(stage.scalar("events"), Double(expected.purchaseStageRows), "\(label): rows of first orders")
            XCTAssertEqual(stage.scalar("customers"), Double(expected.buyers), "\(label): buyers")
            compared += 1
        }
        XCTAssertGreaterThan(compared, 50)
    }
}
