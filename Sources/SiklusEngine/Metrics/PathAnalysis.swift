import SiklusLanguage
import SiklusStore

/// `paths [from e] [to e] [steps N] [session d] [edges N]` (see `LogicalQuery.Paths` for the path rules):
/// the transitions of every session path counted by (step, from, to), with the distinct customers who
/// made them; sorted by count descending, then step, then from and to in byte order (missing names
/// last), and cut to `edges` rows.
enum PathAnalysis {
    /// One transition: step k (1-based) from one event code to the next (-1: no event name).
    struct Edge: Hashable { var step: Int32; var from: Int32; var to: Int32 }
    /// Its count and distinct customers; `last` is the last customer counted, so each counts once.
    struct Tally { var count = 0; var customers = 0; var last: Int32 = -1 }

    /// - Complexity: O(r) over the in-scope rows, plus O(e log e) to sort the e distinct transitions,
    ///   e ≤ (steps − 1) × E² for E distinct events (memory O(e)).
    static func build(_ paths: LogicalQuery.Paths, scope: Scope, _ context: EvalContext) throws(Diagnostic) -> ResultTable {
        let strings = context.store.strings
        let fromCode = paths.from.map { strings.code(of: $0) ?? -2 }, toCode = paths.to.map { strings.code(of: $0) ?? -2 }
        let events = context.store.events
        let list = scope.customers, rowMask = scope.rowMask, cancelled = context.isCancelled
        let parts = Parallel.ranges(list.count, minimumPerPart: 4096)
        let partials: [[Edge: Tally]] = Parallel.map(parts.count) { k in
            var tallies: [Edge: Tally] = [:]
            var session: [Int32] = []
            for (n, i) in parts[k].enumerated() {
                if n & 0xFFF == 0 && cancelled() { break }
                let c = list[i]
                forEachSession(events.rows(of: c).lazy.filter { rowMask?[$0] ?? true }, events, gap: paths.sessionGap, buffer: &session) {
                    count($0, c, from: fromCode, to: toCode, steps: paths.steps, into: &tallies)
                }
            }
            return tallies
        }
        try context.checkCancelled()
        var merged: [Edge: Tally] = [:]
        for part in partials {
            for (edge, tally) in part { merged[edge, default: Tally()].count += tally.count; merged[edge, default: Tally()].customers += tally.customers }
        }
        let name = { (code: Int32) -> String? in code >= 0 ? strings[code] : nil }
        let rows = merged.map { (edge: $0.key, tally: $0.value, from: name($0.key.from), to: name($0.key.to)) }
            .sorted { a, b in
                if a.tally.count != b.tally.count { return a.tally.count > b.tally.count }
                if a.edge.step != b.edge.step { return a.edge.step < b.edge.step }
                if let order = byteOrder(a.from, b.from) { return order }
                return byteOrder(a.to, b.to) ?? false
            }
            .prefix(paths.edges)
        return ResultTable(columns: [
            ResultColumn(name: "step", unit: .count, values: .integer(rows.map { Int64($0.edge.step) })),
            ResultColumn(name: "from", unit: .text, values: .text(rows.map(\.from))),
            ResultColumn(name: "to", unit: .text, values: .text(rows.map(\.to))),
            ResultColumn(name: "count", unit: .count, values: .integer(rows.map { Int64($0.tally.count) })),
            ResultColumn(name: "customers", unit: .count, values: .integer(rows.map { Int64($0.tally.customers) })),
        ], shape: .paths, title: paths.title)
    }

    /// Calls `body` with each session of `rows` (one customer's, in time order), runs of one event
    /// collapsed; `buffer` is reused between calls.
    static func forEachSession(_ rows: some Sequence<Int>, _ events: EventTable, gap: Int64, buffer session: inout [Int32],
                               _ body: ([Int32]) -> Void) {
        var previous: Int64?
        session.removeAll(keepingCapacity: true)
        for r in rows {
            let t = events.ts[r]
            if let p = previous, isNewSession(from: p, to: t, gap: gap) {
                body(session)
                session.removeAll(keepingCapacity: true)
            }
            previous = t
            if session.last != events.event[r] { session.append(events.event[r]) }
        }
        body(session)
    }

    /// A gap of at least `gap` seconds starts a new session (a gap too large to compute is one).
    static func isNewSession(from previous: Int64, to t: Int64, gap: Int64) -> Bool {
        let (difference, overflow) = t.subtractingReportingOverflow(previous)
        return overflow || difference >= gap
    }

    /// Cuts one session's collapsed path by `from`/`to`/`steps` and counts its transitions.
    static func count(_ session: [Int32], _ customer: Int32, from: Int32?, to: Int32?, steps: Int, into tallies: inout [Edge: Tally]) {
        guard let path = cut(session, from: from, to: to, steps: steps) else { return }
        for (k, i) in path.indices.dropLast().enumerated() {
            let edge = Edge(step: Int32(k + 1), from: path[i], to: path[i + 1])
            var tally = tallies[edge, default: Tally()]
            tally.count += 1
            if tally.last != customer { tally.customers += 1; tally.last = customer }
            tallies[edge] = tally
        }
    }

    /// The path of one collapsed session: from its first `from`, up to the first `to` after that, its
    /// first (or with `to` last) `steps` events; nil when the session lacks `from` or `to`.
    static func cut(_ session: [Int32], from: Int32?, to: Int32?, steps: Int) -> ArraySlice<Int32>? {
        var path = session[...]
        if let from {
            guard let start = path.firstIndex(of: from) else { return nil }
            path = path[start...]
        }
        if let to {
            guard let end = path.firstIndex(of: to) else { return nil }
            return path[...end].suffix(steps)
        }
        return path.prefix(steps)
    }

    /// The cut paths of one customer's rows (in time order), for the worked example.
    static func paths(of rows: [Int], _ paths: LogicalQuery.Paths, _ context: EvalContext) -> [ArraySlice<Int32>] {
        let events = context.store.events, strings = context.store.strings
        let from = paths.from.map { strings.code(of: $0) ?? -2 }, to = paths.to.map { strings.code(of: $0) ?? -2 }
        var result: [ArraySlice<Int32>] = [], session: [Int32] = []
        forEachSession(rows, events, gap: paths.sessionGap, buffer: &session) { collapsed in
            if let path = cut(collapsed, from: from, to: to, steps: paths.steps) { result.append(path) }
        }
        return result
    }

    /// Byte-wise order with missing names last; nil when equal.
    static func byteOrder(_ a: String?, _ b: String?) -> Bool? {
        switch (a, b) {
        case (nil, nil): return nil
        case (nil, _): return false
        case (_, nil): return true
        case (let x?, let y?): return x.utf8.elementsEqual(y.utf8) ? nil : x.utf8.lexicographicallyPrecedes(y.utf8)
        }
    }
}
