import SiklusLanguage
import SiklusStore

/// The pass the median metrics share (`OrderSamples`, `CustomerSamples`): the in-scope customers split across
/// cores, each core with its own sample lists per group, concatenated in customer order at the end, so each
/// metric writes only what one customer adds.
enum SamplePass {
    /// Calls `visit(c, base, rowKeys, &samples)` for each in-scope customer code `c`, where `base` is their
    /// group's number without an event dimension and `rowKeys[r]` what row `r` adds to it (empty without one),
    /// and returns the samples per group of `keys`.
    /// - Complexity: O(customers + groups × cores) plus `visit`'s work.
    static func collect(scope: Scope, keys: GroupKeys, _ context: EvalContext,
                        _ visit: (_ c: Int, _ base: Int, _ rowKeys: [Int32], _ samples: inout [[Double]]) -> Void) throws(Diagnostic) -> [[Double]] {
        try collect(scope: scope, keys: keys, context, scratch: ()) { c, base, rowKeys, samples, _ in visit(c, base, rowKeys, &samples) }
    }

    /// As above, with `scratch` copied once per core and handed to every `visit` of that core, so a
    /// metric's per-customer working list reuses its storage instead of allocating per customer.
    static func collect<Scratch>(scope: Scope, keys: GroupKeys, _ context: EvalContext, scratch: Scratch,
                                 _ visit: (_ c: Int, _ base: Int, _ rowKeys: [Int32], _ samples: inout [[Double]], _ scratch: inout Scratch) -> Void)
        throws(Diagnostic) -> [[Double]] {
        let materialized = keys.materialize(scope, context)
        let customerKeys = materialized.customer, rowKeys = materialized.row
        let list = scope.customers
        let parts = Parallel.ranges(list.count, minimumPerPart: 8192)
        let cancelled = context.isCancelled
        let partials: [[[Double]]] = Parallel.map(parts.count) { k in
            var samples = [[Double]](repeating: [], count: keys.count)
            var partScratch = scratch
            for (n, i) in parts[k].enumerated() {
                if n & 0xFFF == 0 && cancelled() { break }
                let c = Int(list[i])
                visit(c, customerKeys.isEmpty ? 0 : Int(customerKeys[c]), rowKeys, &samples, &partScratch)
            }
            return samples
        }
        try context.checkCancelled()
        guard var total = partials.first else { return Array(repeating: [], count: keys.count) }
        for partial in partials.dropFirst() {
            for g in 0..<keys.count where !partial[g].isEmpty { total[g] += partial[g] }
        }
        return total
    }
}
