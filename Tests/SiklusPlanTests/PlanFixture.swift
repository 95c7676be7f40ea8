import Foundation
import SiklusLanguage
import SiklusPlan

/// A catalog written by hand, as a SQL backend would build one from its tables: the binder needs no data.
enum PlanFixture {
    /// Events with line items (order, quantity, unit_price), customers with signup, channel, country and
    /// plan, spend loaded; the demo's event names.
    static let catalog = Catalog(
        events: Catalog.Table(isLoaded: true, columns: [
            .init(name: "order_id", kind: .text, role: "order"),
            .init(name: "quantity", kind: .number, role: "quantity"),
            .init(name: "unit_price", kind: .number, role: "unit_price"),
            .init(name: "device", kind: .text),
        ]),
        customers: Catalog.Table(isLoaded: true, columns: [
            .init(name: "signup_date", kind: .time, role: "signup"),
            .init(name: "channel", kind: .text, role: "channel"),
            .init(name: "country", kind: .text, role: "country"),
            .init(name: "plan", kind: .text),
        ]),
        spend: Catalog.Table(isLoaded: true, columns: [
            .init(name: "date", kind: .time, role: "date"), .init(name: "channel", kind: .text, role: "channel"),
            .init(name: "spend", kind: .number, role: "spend"), .init(name: "clicks", kind: .number, role: "clicks"),
        ]),
        orderColumn: "order_id",
        eventNames: ["add_to_cart", "cancel", "login", "product_view", "purchase", "review", "visit"])

    /// `text`'s first statement bound against `catalog`.
    static func bind(_ text: String, _ catalog: Catalog = catalog) throws -> LogicalQuery {
        let parsed = Parser.parse(SourceFile(name: "<plan>", text: text))
        if let diagnostic = parsed.diagnostics.first { throw diagnostic }
        guard case .pipeline(let pipeline)? = parsed.statements.first?.kind else { throw Diagnostic("not a pipeline", at: nil) }
        return try Binder(catalog: catalog).bind(pipeline)
    }

    /// The folder of this test target.
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
}
