import SiklusLanguage
import SiklusStore

/// The worked example's lines for `paths` and for behavioural cohort filters.
extension ExampleContributions {
    /// `2 paths in scope: home → product_view → purchase; home → search`.
    func paths(_ paths: LogicalQuery.Paths) -> String {
        let found = PathAnalysis.paths(of: customer.rows(in: scope), paths, customer.context).filter { $0.count > 1 }
        guard !found.isEmpty else { return MessageCatalog.text("example.paths_none") }
        let strings = customer.context.store.strings
        let text = found.prefix(3).map { path in path.map { $0 >= 0 ? strings[$0] : "(no event)" }.joined(separator: " → ") }
        let more = found.count > 3 ? MessageCatalog.text("example.paths_more", ["count": String(found.count - 3)]) : ""
        return MessageCatalog.text("example.paths", ["paths": ExampleCustomer.count(found.count, "path"), "list": text.joined(separator: "; ") + more])
    }
}

extension WorkedExample {
    /// `did purchase >= 2 times within 30d of signup: 3` for each behavioural filter of the source.
    func behaviourValues(_ source: LogicalQuery.Source, _ customer: ExampleCustomer) -> [String] {
        guard case .cohort(let filter?) = source else { return [] }
        func conditions(_ filter: RowFilter) -> [BehaviourCondition] {
            switch filter {
            case .and(let a, let b), .or(let a, let b): conditions(a) + conditions(b)
            case .not(let a): conditions(a)
            case .did(let condition, _): [condition]
            default: []
            }
        }
        let context = customer.context, events = context.store.events
        let code = { (name: String) in context.store.strings.code(of: name) ?? -2 }
        return conditions(filter).map { condition in
            let (lower, upper) = BehaviourPredicate.bounds(condition.window, asOf: context.asOf, signup: context.facts.signup[Int(customer.code)])
            let n = customer.allRows.filter { events.event[$0] == code(condition.event) && events.ts[$0] >= lower && events.ts[$0] <= upper }.count
            return "\(condition.event) events counted (\(condition.text)): \(n)"
        }
    }
}
