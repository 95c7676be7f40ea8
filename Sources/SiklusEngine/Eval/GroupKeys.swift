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

    /// The group number made of one key per dimension.
    func key(parts: [Int]) -> Int {
        zip(parts, multipliers).reduce(0) { $0 + $1.0 * $1.1 }
    }
}
