/// Each customer's purchase history reduced to what the BG/NBD and Gamma-Gamma models read (the columns of
/// `lifetimes.utils.summary_data_from_transaction_data`): `frequency` x, the repeat purchase periods;
/// `recency` tₓ, the time from the first purchase to the last; `age` T, from the first purchase to the end
/// of the calibration period; `monetary`, the mean value of the repeat purchases (0 without any). Times are
/// in one unit (days, weeks or 30-day months).
public struct PurchaseSummary: Sendable, Equatable {
    public var frequency: [Double]
    public var recency: [Double]
    public var age: [Double]
    public var monetary: [Double]

    /// A summary of `frequency.count` customers; every array has one entry per customer.
    public init(frequency: [Double], recency: [Double], age: [Double], monetary: [Double]) {
        precondition(frequency.count == recency.count && recency.count == age.count && age.count == monetary.count,
                     "one entry per customer in every column")
        self.frequency = frequency
        self.recency = recency
        self.age = age
        self.monetary = monetary
    }

    public var count: Int { frequency.count }
}

/// The distinct (x, tₓ, T) of a summary with how many customers share each: the likelihood is a sum over
/// customers, so equal histories are evaluated once. Customers bought on whole days, so a million of them
/// fall on far fewer distinct histories.
struct DistinctHistories {
    var frequency: [Double] = []
    var recency: [Double] = []
    var age: [Double] = []
    var weight: [Double] = []
    /// For each customer of the summary, the index of its history.
    var index: [Int32] = []

    private struct Key: Hashable {
        var x: UInt64, tx: UInt64, t: UInt64
    }

    /// - Complexity: O(customers) expected (one hash per customer).
    init(_ summary: PurchaseSummary, keepIndex: Bool = false) {
        var slots: [Key: Int32] = [:]
        slots.reserveCapacity(min(summary.count, 1 << 16))
        if keepIndex { index.reserveCapacity(summary.count) }
        for i in 0..<summary.count {
            let key = Key(x: summary.frequency[i].bitPattern, tx: summary.recency[i].bitPattern, t: summary.age[i].bitPattern)
            let slot: Int32
            if let known = slots[key] {
                slot = known
                weight[Int(known)] += 1
            } else {
                slot = Int32(frequency.count)
                slots[key] = slot
                frequency.append(summary.frequency[i]); recency.append(summary.recency[i]); age.append(summary.age[i]); weight.append(1)
            }
            if keepIndex { index.append(slot) }
        }
    }

    var count: Int { frequency.count }
}

/// The distinct values of one column and, for each entry, the position of its value, so a per-value term
/// (ln Γ(r + x), ln(α + T)) is computed once per distinct value in each likelihood evaluation.
struct DistinctValues {
    var values: [Double] = []
    var position: [Int32] = []

    /// - Complexity: O(entries) expected.
    init(_ column: [Double]) {
        var slots: [UInt64: Int32] = [:]
        position.reserveCapacity(column.count)
        for v in column {
            if let known = slots[v.bitPattern] {
                position.append(known)
            } else {
                let slot = Int32(values.count)
                slots[v.bitPattern] = slot
                values.append(v)
                position.append(slot)
            }
        }
    }
}
