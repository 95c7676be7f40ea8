import SiklusStore

/// Combines dimensions into one dense group number (mixed radix), split into the part that depends only
/// on the customer and the part that depends on the event row.
struct GroupKeys: @unchecked Sendable {
    let dimensions: [Dimension]
    /// Number of possible groups: the product of the dimensions' label counts.
    let count: Int
    private let multipliers: [Int]
    private let customerDims: [Int]
    private let eventDims: [Int]

    /// The largest number of groups held in dense arrays.
    static let limit = 4_000_000

    init?(_ dimensions: [Dimension]) {
        self.dimensions = dimensions
        var multipliers = [Int](repeating: 1, count: dimensions.count)
        var total = 1
        for i in dimensions.indices.reversed() {
            multipliers[i] = total
            let (product, overflow) = total.multipliedReportingOverflow(by: max(1, dimensions[i].labels.count))
            if overflow || product > Self.limit { return nil }
            total = product
        }
        self.multipliers = multipliers
        count = total
        customerDims = dimensions.indices.filter { dimensions[$0].isCustomerLevel }
        eventDims = dimensions.indices.filter { !dimensions[$0].isCustomerLevel }
    }

    /// True when some dimension depends on the event row (then a customer can be in several groups).
    var hasEventLevel: Bool { !eventDims.isEmpty }

    @inline(__always)
    func customerPart(_ c: Int32) -> Int {
        var key = 0
        for i in customerDims { key += dimensions[i].key(c, -1) * multipliers[i] }
        return key
    }

    @inline(__always)
    func rowPart(_ c: Int32, _ r: Int) -> Int {
        var key = 0
        for i in eventDims { key += dimensions[i].key(c, r) * multipliers[i] }
        return key
    }

    /// The label of each dimension for group `key`.
    func labels(_ key: Int) -> [String] {
        dimensions.indices.map { i in dimensions[i].labels[(key / multipliers[i]) % dimensions[i].labels.count] }
    }

    /// The key of each dimension for group `key`.
    func parts(_ key: Int) -> [Int] {
        dimensions.indices.map { i in (key / multipliers[i]) % dimensions[i].labels.count }
    }

    /// The weight of dimension `i` in the group number.
    func multiplier(_ i: Int) -> Int { multipliers[i] }

    /// The group number made of one key per dimension.
    func key(parts: [Int]) -> Int {
        zip(parts, multipliers).reduce(0) { $0 + $1.0 * $1.1 }
    }
}

/// Group numbers computed in bulk for one query: the customer part per customer code and the row
/// part per event row (only for in-scope customers), so scans read two arrays instead of calling
/// a closure per dimension per row.
struct MaterializedKeys: Sendable {
    /// Customer part of the group number, by customer code; empty when no dimension is customer-level.
    var customer: [Int32] = []
    /// Row part of the group number, by event row; empty when no dimension depends on the row.
    var row: [Int32] = []
}

extension GroupKeys {
    func materialize(_ scope: Scope, _ context: EvalContext) -> MaterializedKeys {
        var out = MaterializedKeys()
        let events = context.store.events
        let offsets = events.offsets
        let list = scope.customers
        let parts = Parallel.ranges(list.count, minimumPerPart: 8192)
        if dimensions.contains(where: \.isCustomerLevel) {
            out.customer = [Int32](repeating: 0, count: context.customerCount)
        }
        if dimensions.contains(where: { !$0.isCustomerLevel }) {
            out.row = [Int32](repeating: 0, count: events.count)
        }
        for (i, dimension) in dimensions.enumerated() {
            let multiplier = Int32(multiplier(i))
            let none = Int32(dimension.labels.count - 1)
            if dimension.isCustomerLevel {
                out.customer.withUnsafeMutableBufferPointer { keys in
                    let keys = SendableBox(keys)
                    Parallel.forEach(parts) { range in
                        switch dimension.source {
                        case .customerCodes(let values, let dense):
                            for k in range { let c = Int(list[k]); let v = values[c]; keys.value[c] += (v >= 0 ? dense[Int(v)] : none) * multiplier }
                        case .customerTimes(let values, let table, let periods):
                            for k in range {
                                let c = Int(list[k]); let t = values[c]
                                let key = t == CustomerFacts.none ? periods.count : periods.key(period: table.index(t))
                                keys.value[c] += Int32(key) * multiplier
                            }
                        default:
                            for k in range { let c = list[k]; keys.value[Int(c)] += Int32(dimension.key(c, -1)) * multiplier }
                        }
                    }
                }
            } else {
                out.row.withUnsafeMutableBufferPointer { keys in
                    let keys = SendableBox(keys)
                    Parallel.forEach(parts) { range in
                        switch dimension.source {
                        case .rowCodes(let values, let dense):
                            for k in range {
                                for r in offsets[Int(list[k])]..<offsets[Int(list[k]) + 1] {
                                    let v = values[r]; keys.value[r] += (v >= 0 ? dense[Int(v)] : none) * multiplier
                                }
                            }
                        case .rowTimes(let values, let table, let periods):
                            for k in range {
                                for r in offsets[Int(list[k])]..<offsets[Int(list[k]) + 1] {
                                    keys.value[r] += Int32(periods.key(period: table.index(values[r]))) * multiplier
                                }
                            }
                        case .stage(let classifier):
                            for k in range {
                                let c = list[k]
                                for r in offsets[Int(c)]..<offsets[Int(c) + 1] {
                                    keys.value[r] += Int32(classifier.stage(customer: c, row: r)?.rawValue ?? Stage.allCases.count) * multiplier
                                }
                            }
                        default:
                            for k in range {
                                let c = list[k]
                                for r in offsets[Int(c)]..<offsets[Int(c) + 1] { keys.value[r] += Int32(dimension.key(c, r)) * multiplier }
                            }
                        }
                    }
                }
            }
        }
        return out
    }
}
