import SiklusLanguage
import SiklusStore

extension WorkedExample {
    /// `derive` in the worked example: the new value on the customer's first event.
    func deriveLine(_ spec: DeriveSpec, _ customer: ExampleCustomer) -> String {
        let formula = "\(spec.name.text) = \(SyntaxPrinter.inline(spec.expression)) on each event row"
        guard let row = customer.allRows.first else { return formula + "; they have no event" }
        let attribute = spec.name.lowercased == "amount" ? Attribute.amount
            : (try? Attribute.resolve(QualifiedName([spec.name]), in: context.store, preferEvents: true))
        let value = attribute.map { customer.value($0, row: row) } ?? "(none)"
        return formula + "; on their first (\(CivilTime.formatDate(context.store.events.ts[row]))): \(value)"
            + (spec.name.lowercased == "amount" ? "; money metrics use it as the amount" : "")
    }
}
