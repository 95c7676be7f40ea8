import SiklusLanguage
import SiklusStore

/// The values the per-customer medians (`median_revenue_per_customer`, `median_revenue_per_buyer`,
/// `median_orders_per_buyer`) take the middle of, per group: one total per customer and group, counted as
/// `AggregateScan` counts `customers`, `purchasers`, `revenue` and `orders`, so the median and the mean beside
/// it (`ltv`, `orders_per_buyer`) read the same customers. The pass is `SamplePass` and the median
/// `Statistics.median`, as for every other median metric.
enum CustomerSamples {
    /// One customer's totals in one group.
    private struct Totals {
        var revenue = 0.0
        var orders = 0
    }

    /// The samples of `kind` per group of `keys`.
    /// - Complexity: O(rows of the in-scope customers) plus, per customer, O(groups they touch²) with an event
    ///   dimension (a short list, as in `AggregateScan`); memory O(samples).
    static func collect(_ kind: CustomerSample, scope: Scope, keys: GroupKeys, _ context: EvalContext) throws(Diagnostic) -> [[Double]] {
        let events = context.store.events
        let offsets = events.offsets, eventCodes = events.event, amounts = events.amount
        let amountNulls = events.amountNulls, mask = scope.rowMask
        let flagsByCode = context.classes.flags
        // Empty without an order column: then each purchase row is an order.
        let orderFlags = context.facts.orderFlags
        // The groups the current customer touched: one list per core, emptied per customer (no allocation per customer).
        let touchedList: [(group: Int, totals: Totals)] = []
        return try SamplePass.collect(scope: scope, keys: keys, context, scratch: touchedList) { c, base, rowKeys, samples, touched in
            touched.removeAll(keepingCapacity: true)
            // Without an event dimension every customer in scope is in their group, events or not.
            if rowKeys.isEmpty { touched.append((base, Totals())) }
            for r in offsets[c]..<offsets[c + 1] {
                if let mask, !mask[r] { continue }
                let g = base + (rowKeys.isEmpty ? 0 : Int(rowKeys[r]))
                var slot = touched.lastIndex { $0.group == g } ?? -1
                if slot < 0 { touched.append((g, Totals())); slot = touched.count - 1 }
                let code = Int(eventCodes[r])
                guard code >= 0, code < flagsByCode.count, flagsByCode[code] & EventClasses.purchase != 0 else { continue }
                if orderFlags.isEmpty || orderFlags[r] & OrderIndex.startsOrder != 0 { touched[slot].totals.orders += 1 }
                // Net revenue: a return's rows (line items) subtract, as in `revenue`.
                if !(amountNulls?[r] ?? false) { touched[slot].totals.revenue += amounts[r] }
            }
            for (g, totals) in touched where !kind.buyersOnly || totals.orders > 0 {
                samples[g].append(kind.countsOrders ? Double(totals.orders) : totals.revenue)
            }
        }
    }
}
