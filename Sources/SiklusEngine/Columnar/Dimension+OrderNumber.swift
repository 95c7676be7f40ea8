import SiklusLanguage
import SiklusStore

extension Dimension {
    /// The most order numbers `by order_number` labels (as other dimensions' distinct values).
    static let maxOrderNumbers = 100_000

    /// `by order_number`: each purchase row's place among the customer's purchase rows over their whole history,
    /// by time then file order (1, 2, …); other rows `(none)`. Labels run from 1 to the largest number present.
    /// - Complexity: O(events) for the numbers.
    static func orderNumberDimension(_ context: EvalContext, span: SourceSpan?) throws(Diagnostic) -> Dimension {
        let events = context.store.events, classes = context.classes.flags
        var numbers = [Int32](repeating: -1, count: events.count)
        var largest: Int32 = 0
        for c in 0..<events.customerCount {
            var n: Int32 = 0
            for r in events.offsets[c]..<events.offsets[c + 1] {
                let code = Int(events.event[r])
                guard code >= 0, code < classes.count, classes[code] & EventClasses.purchase != 0 else { continue }
                numbers[r] = n
                n += 1
            }
            largest = max(largest, n)
        }
        guard largest <= maxOrderNumbers else {
            throw Diagnostic("too many groups: a customer has \(largest) purchases, and `by order_number` labels at most \(maxOrderNumbers)", at: span,
                             hints: ["narrow the scope first, e.g. `where ts >= 2023-01`"])
        }
        let dense = (0..<largest).map { $0 }
        let labels = (0..<Int(largest)).map { String($0 + 1) } + [noneLabel]
        let none = Int(largest)
        return Dimension(name: "order_number", isCustomerLevel: false, key: { _, r in numbers[r] >= 0 ? Int(numbers[r]) : none },
                         labels: labels, period: nil, source: .rowCodes(numbers, dense: dense))
    }
}
