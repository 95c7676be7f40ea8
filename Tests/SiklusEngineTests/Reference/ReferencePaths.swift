import SiklusTestSupport

/// A small random data set for paths and behavioural cohorts, and plain-loop answers to compare the
/// engine with: events minutes to weeks apart (so sessions split and stay whole), ties in time broken by
/// file order, repeats, missing event names, customers with no signup or no events.
struct PathsDataset {
    struct Row { var customer: String; var ts: Int64; var event: String?; var line: Int }
    static let base: Int64 = 1_672_531_200   // 2023-01-01
    static let names = ["home", "search", "product", "cart", "purchase", "login"]

    var rows: [Row] = []
    var signups: [String: Int64?] = [:]
    var customers: [String] = []

    init(_ random: inout SplitMix64) {
        let count = random.int(3...20)
        var generated: [Row] = []
        for c in 0..<count {
            let id = "u\(c)"
            customers.append(id)
            if random.chance(0.8) { signups[id] = random.chance(0.85) ? Self.base + Int64(random.int(0...60)) * 86_400 : nil }
            var t = Self.base + Int64(random.int(0...60)) * 86_400 + Int64(random.int(0...86_399))
            for _ in 0..<random.int(0...14) {
                t += Int64(random.pick([0, 0, 59, 600, 1_799, 1_800, 3_600, 86_400, 20 * 86_400]))
                let event: String? = random.chance(0.04) ? nil : random.pick(Self.names)
                generated.append(Row(customer: id, ts: t, event: event, line: 0))
            }
        }
        for i in stride(from: generated.count - 1, to: 0, by: -1) where random.chance(0.5) { generated.swapAt(i, random.int(0...i)) }
        rows = generated.enumerated().map { i, row in Row(customer: row.customer, ts: row.ts, event: row.event, line: i) }
    }

    var eventsCSV: String {
        (["customer_id,ts,event"] + rows.map { "\($0.customer),\(ReferenceText.time($0.ts)),\($0.event ?? "")" }).joined(separator: "\n") + "\n"
    }

    var customersCSV: String {
        (["customer_id,signup"] + signups.keys.sorted().map { id in "\(id),\((signups[id] ?? nil).map(ReferenceText.day) ?? "")" })
            .joined(separator: "\n") + "\n"
    }

    /// Each customer's rows in time order, ties in file order.
    func timeline(_ customer: String) -> [Row] {
        rows.filter { $0.customer == customer }.sorted { ($0.ts, $0.line) < ($1.ts, $1.line) }
    }

    /// The end of the last day with an event.
    var asOf: Int64 { (rows.map(\.ts).max() ?? 0) / 86_400 * 86_400 + 86_399 }

    /// `paths` over the rows `keep` accepts, as step, from, to, count, customers rows.
    func paths(from: String?, to: String?, steps: Int, gap: Int64, edges: Int, keep: (Row) -> Bool) -> [[String?]] {
        struct Key: Hashable { var step: Int; var from: String?; var to: String? }
        var counts: [Key: Int] = [:], people: [Key: Set<String>] = [:]
        for customer in customers {
            var sessions: [[String?]] = []
            var last: Int64?
            for row in timeline(customer) where keep(row) {
                if last == nil || row.ts - last! >= gap { sessions.append([]) }
                last = row.ts
                if sessions[sessions.count - 1].last.map({ $0 != row.event }) ?? true { sessions[sessions.count - 1].append(row.event) }
            }
            for session in sessions {
                var path = session
                if let from {
                    guard let i = path.firstIndex(of: from) else { continue }
                    path = Array(path[i...])
                }
                if let to {
                    guard let j = path.firstIndex(of: to) else { continue }
                    path = Array(path[...j].suffix(steps))
                } else {
                    path = Array(path.prefix(steps))
                }
                guard path.count > 1 else { continue }
                for k in 0..<(path.count - 1) {
                    let key = Key(step: k + 1, from: path[k], to: path[k + 1])
                    counts[key, default: 0] += 1
                    people[key, default: []].insert(customer)
                }
            }
        }
        func before(_ a: String?, _ b: String?) -> Bool? {
            if a == b { return nil }
            guard let a else { return false }
            guard let b else { return true }
            return Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8))
        }
        let sorted = counts.keys.sorted { a, b in
            if counts[a]! != counts[b]! { return counts[a]! > counts[b]! }
            if a.step != b.step { return a.step < b.step }
            return before(a.from, b.from) ?? before(a.to, b.to) ?? false
        }
        return sorted.prefix(edges).map { ["\($0.step)", $0.from, $0.to, "\(counts[$0]!)", "\(people[$0]!.count)"] }
    }

    /// The customers (sorted) with `op(count of event in the window) `, the window being every event up to
    /// as_of, the `last` seconds before it, or `sinceSignup` seconds from signup.
    func behaviour(event: String, holds: (Int) -> Bool, last: Int64?, sinceSignup: Int64?, asOf: Int64) -> [String] {
        let everyone = Set(customers.filter { c in signups[c] != nil || rows.contains { $0.customer == c } })
        return everyone.sorted().filter { customer in
            let timeline = timeline(customer)
            let signup = (signups[customer] ?? nil) ?? timeline.first?.ts
            let n = timeline.filter { row in
                guard row.event == event, row.ts <= asOf else { return false }
                if let last, row.ts < asOf - last { return false }
                if let sinceSignup {
                    guard let signup, row.ts >= signup, row.ts <= signup + sinceSignup else { return false }
                }
                return true
            }.count
            return holds(n)
        }
    }
}

/// ISO text for generated files.
enum ReferenceText {
    static func day(_ seconds: Int64) -> String { String(time(seconds).prefix(10)) }

    static func time(_ seconds: Int64) -> String {
        let days = Int(seconds / 86_400), rest = Int(seconds % 86_400)
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm), independent of the engine's.
        let z = days + 719_468, era = z / 146_097, doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9, y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return String(format: "%04d-%02d-%02d %02d:%02d:%02d", y, m, d, rest / 3600, rest / 60 % 60, rest % 60)
    }
}
