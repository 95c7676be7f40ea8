import Foundation
@testable import SiklusEngine

/// Every retention kind as a plain loop over the raw rows (see docs/LANGUAGE.md, retention): entries,
/// their qualifying periods, columns, bases, cells and the mean rows. No shared code with the engine.
struct ReferenceRetentionKinds {
    let facts: ReferenceFacts
    let asOf: Int64

    enum Anchor { case signup, firstPurchase, start(String), recurring(String) }
    enum Value { case customers, orders, revenue }

    struct Options {
        var anchor = Anchor.signup
        /// nil: calendar months; else rolling windows of this many days.
        var rollingDays: Int?
        /// nil: purchases; "" any event; else the event's name.
        var activity: String?
        var brackets: [Int]?
        var horizon: Int?
        var minEvents = 1
        var value = Value.customers
        var unbounded = false
        var percent = false
        var detail = false
    }

    private struct Entry { let id: String; let month: Int; let ts: Int64 }

    private func isActivity(_ e: RefEvent, _ activity: String?) -> Bool {
        guard e.ts <= asOf else { return false }
        switch activity {
        case nil: return RefCategory.of(e.name) == .purchase
        case ""?: return true
        case let name?: return e.name == name
        }
    }

    private func monthIndex(_ t: Int64) -> Int {
        let parts = RefDay.calendar.dateComponents([.year, .month], from: Date(timeIntervalSince1970: TimeInterval(t)))
        return parts.year! * 12 + parts.month! - 1
    }

    private func entries(_ o: Options) -> [Entry] {
        var out: [Entry] = []
        for id in facts.ids {
            switch o.anchor {
            case .signup:
                if let s = facts.signup(id) { out.append(Entry(id: id, month: s.monthIndex, ts: s.second)) }
            case .firstPurchase:
                if let p = facts.firstPurchase(id) { out.append(Entry(id: id, month: p.day.monthIndex, ts: p.ts)) }
            case .start(let name):
                if let e = facts.events(id).first(where: { isActivity($0, name) }) { out.append(Entry(id: id, month: e.day.monthIndex, ts: e.ts)) }
            case .recurring(let name):
                var months = Set<Int>()
                for e in facts.events(id) where isActivity(e, name) && months.insert(e.day.monthIndex).inserted {
                    out.append(Entry(id: id, month: e.day.monthIndex, ts: e.ts))
                }
            }
        }
        return out
    }

    func table(_ o: Options) -> ResultTable {
        let entries = entries(o)
        let length = o.rollingDays.map { Int64($0) * 86_400 }
        let lastMonth = monthIndex(asOf)
        func age(_ e: Entry) -> Int {
            guard let length else { return lastMonth - e.month }
            return asOf >= e.ts ? Int((asOf - e.ts) / length) : -1
        }
        // Columns: their first and last offsets.
        var starts: [Int] = [], ends: [Int] = []
        if let brackets = o.brackets {
            starts = [0]; ends = [0]
            for b in brackets { starts.append(ends.last! + 1); ends.append(ends.last! + b) }
        } else {
            var width = max(0, entries.map(age).max() ?? 0) + 1
            if let h = o.horizon { width = min(width, h + 1) }
            starts = Array(0..<width); ends = starts
        }
        let count = starts.count
        func column(_ offset: Int) -> Int? { (0..<count).first { starts[$0] <= offset && offset <= ends[$0] } }

        struct Row { var size = 0; var reached: [Int]; var base: [Double]; var cells: [Double] }
        var rows: [Int: Row] = [:]
        for entry in entries {
            // The entry's qualifying periods.
            var n: [Int: Int] = [:], v: [Int: Double] = [:]
            for e in facts.events(entry.id) where isActivity(e, o.activity) {
                let offset: Int
                if let length { guard e.ts >= entry.ts else { continue }; offset = Int((e.ts - entry.ts) / length) } else { offset = e.day.monthIndex - entry.month }
                guard offset >= 0 else { continue }
                n[offset, default: 0] += 1
                v[offset, default: 0] += e.amount ?? 0
            }
            var sums = [Double](repeating: 0, count: count), active = [Bool](repeating: false, count: count), latest = -1
            for (offset, k) in n where k >= o.minEvents {
                guard let c = column(offset) else { latest = count - 1; continue }
                latest = max(latest, c)
                active[c] = true
                switch o.value {
                case .customers: sums[c] = 1
                case .orders: sums[c] += Double(k)
                case .revenue: sums[c] += v[offset]!
                }
            }
            let label = entry.month
            var row = rows[label] ?? Row(reached: Array(repeating: 0, count: count), base: Array(repeating: 0, count: count),
                                         cells: Array(repeating: 0, count: count))
            row.size += 1
            for c in 0..<count {
                if o.unbounded { if c <= latest { row.cells[c] += 1 } } else if active[c] { row.cells[c] += sums[c] }
                if age(entry) >= starts[c] {
                    row.reached[c] += 1
                    row.base[c] += o.value == .customers ? 1 : sums[0]
                }
            }
            rows[label] = row
        }
        let labels = rows.keys.sorted()
        let list = labels.map { rows[$0]! }
        func name(_ c: Int) -> String { starts[c] == ends[c] ? "\(starts[c])" : "\(starts[c])-\(ends[c])" }
        func percent(_ r: Row, _ c: Int) -> Double? { r.reached[c] > 0 && r.base[c] > 0 ? r.cells[c] / r.base[c] * 100 : nil }
        var columns = [
            ResultColumn(name: "cohort", unit: .text, values: .text(labels.map { RefDay.monthLabel($0) })),
            ResultColumn(name: "customers", unit: .count, values: .integer(list.map { Int64($0.size) })),
        ]
        for c in 0..<count {
            if o.percent {
                columns.append(ResultColumn(name: name(c), unit: .percent, values: .number(list.map { percent($0, c) })))
            } else if o.value == .revenue {
                columns.append(ResultColumn(name: name(c), unit: .money, values: .number(list.map { $0.reached[c] > 0 ? $0.cells[c] : nil })))
            } else {
                columns.append(ResultColumn(name: name(c), unit: .count, values: .integer(list.map { $0.reached[c] > 0 ? Int64($0.cells[c]) : nil })))
            }
        }
        if o.detail {
            for c in 0..<count {
                if o.value == .revenue {
                    columns.append(ResultColumn(name: "base_" + name(c), unit: .money, values: .number(list.map { $0.reached[c] > 0 ? $0.base[c] : nil })))
                } else {
                    columns.append(ResultColumn(name: "base_" + name(c), unit: .count, values: .integer(list.map { $0.reached[c] > 0 ? Int64($0.base[c]) : nil })))
                }
            }
        }
        var table = ResultTable(columns: columns, shape: .retention)
        if !list.isEmpty {
            var simple = [Double?](repeating: nil, count: columns.count), weighted = simple
            for c in 0..<count {
                let valid = list.filter { percent($0, c) != nil }
                guard !valid.isEmpty else { continue }
                simple[2 + c] = valid.map { percent($0, c)! }.reduce(0, +) / Double(valid.count)
                weighted[2 + c] = valid.map { $0.cells[c] }.reduce(0, +) / valid.map { $0.base[c] }.reduce(0, +) * 100
            }
            table.footer = [ResultFooterRow(label: "mean", values: simple, unit: .percent),
                            ResultFooterRow(label: "weighted mean", values: weighted, unit: .percent)]
        }
        return table
    }
}
