import SiklusLanguage
import SiklusStore

/// The values the median metrics (`median_order`, `days_between_orders`) take the middle of, per group:
/// one pass over the in-scope customers' in-scope rows, apart from `AggregateScan` so the count metrics'
/// inner loop pays nothing for them.
enum OrderSamples {
    /// The samples of `kind` per group of `keys`.
    /// - Complexity: O(rows of the in-scope customers) plus the samples; memory O(samples).
    static func collect(_ kind: OrderSample, scope: Scope, keys: GroupKeys, _ context: EvalContext) throws(Diagnostic) -> [[Double]] {
        let events = context.store.events
        let offsets = events.offsets, eventCodes = events.event, amounts = events.amount, times = events.ts
        let amountNulls = events.amountNulls, mask = scope.rowMask
        let flagsByCode = context.classes.flags
        // Empty without an order column: then each purchase row is an order.
        let orderFlags = context.facts.orderFlags
        return try SamplePass.collect(scope: scope, keys: keys, context) { c, base, rowKeys, samples in
            var previousOrder: Int64?
            for r in offsets[c]..<offsets[c + 1] {
                if let mask, !mask[r] { continue }
                let code = Int(eventCodes[r])
                guard code >= 0, code < flagsByCode.count, flagsByCode[code] & EventClasses.purchase != 0,
                      orderFlags.isEmpty || orderFlags[r] & OrderIndex.startsOrder != 0 else { continue }
                let g = base + (rowKeys.isEmpty ? 0 : Int(rowKeys[r]))
                switch kind {
                case .orderValue:
                    samples[g].append(amountNulls?[r] == true ? 0 : amounts[r])
                case .daysBetweenOrders:
                    if let previousOrder { samples[g].append(Double(times[r] - previousOrder) / Double(CivilTime.secondsPerDay)) }
                    previousOrder = times[r]
                }
            }
        }
    }
}
