import SiklusMessages

extension LoadReport {
    /// Something worth knowing about a load (catalog keys `load.note.`).
    public enum Note: LoadSentence, Equatable {
        /// An extra column read again as text: `line` has a value that is not `expected`.
        case columnIsText(column: String, line: Int, expected: Expectation)
        case headerOnly
        /// No amount column: amount is `quantity` × `price` (the columns' names).
        case amountProduct(quantity: String, price: String)
        case noEventColumn
        case rowsAreOrders
        /// Rows are line items of orders named by `column`; `cancellationIDs`: returns are also told by
        /// `C` + digits ids; `purchaseEvent`: only rows of the event purchase are counted.
        case lineItems(column: String, orders: Int, returns: Int, cancellationIDs: Bool, purchaseEvent: Bool)
        /// No customer id is in both tables (`customers`, `events`: an id of each).
        case customerIDsDiffer(customers: String, events: String, dotZero: DotZero?)
        /// `count` customers have rows with different attribute values; one example.
        case customerConflicts(count: Int, id: String, column: String, values: [String], kept: String)
        /// A note its caller worded already (the engine's, in the session's language).
        case worded(String)

        /// The ids of `side` match the other table's without their trailing `.0` (`id` → `whole`).
        public struct DotZero: Sendable, Equatable {
            public var side: TableKind
            public var id: String
            public var whole: String
            /// The path to load again, when `side` is the table just loaded.
            public var reload: String?
        }

        public func phrase(in language: Language) -> (key: String, arguments: [String: String]) {
            switch self {
            case .columnIsText(let column, let line, let expected):
                ("load.note.column_is_text", ["column": column, "line": String(line), "what": expected.text(in: language)])
            case .headerOnly: ("load.note.header_only", [:])
            case .amountProduct(let quantity, let price): ("load.note.amount_product", ["quantity": quantity, "price": price])
            case .noEventColumn: ("load.note.no_event_column", [:])
            case .rowsAreOrders: ("load.note.rows_are_orders", [:])
            case .lineItems(let column, let orders, let returns, let cancellationIDs, let purchaseEvent):
                ("load.note.line_items", [
                    "column": column, "orders": String(orders),
                    "returns": MessageCatalog.text(returns == 1 ? "load.note.returns_one" : "load.note.returns", ["count": String(returns)], in: language),
                    "rule": MessageCatalog.text(cancellationIDs ? "load.note.rule_cancellations" : "load.note.rule_negative", in: language),
                    "event": purchaseEvent ? MessageCatalog.text("load.note.line_items_event", in: language) : "",
                ])
            case .customerIDsDiffer(let customers, let events, let dotZero):
                ("load.note.ids_differ", ["customers": customers, "events": events, "dot_zero": dotZero.map { Self.text($0, in: language) } ?? ""])
            case .customerConflicts(let count, let id, let column, let values, let kept):
                (count == 1 ? "load.note.conflicts_one" : "load.note.conflicts",
                 ["count": String(count), "id": id, "column": column, "values": values.joined(separator: ", "), "kept": kept])
            case .worded(let text): ("load.note.worded", ["text": text])
            }
        }

        private static func text(_ dotZero: DotZero, in language: Language) -> String {
            // Reloading the table just loaded is a command, the same in every language.
            let fix = dotZero.reload.map { "load \(dotZero.side.rawValue) \"\($0)\" replace ids=integer" }
                ?? MessageCatalog.text("load.note.ids_load_again", ["side": dotZero.side.rawValue], in: language)
            return MessageCatalog.text("load.note.ids_dot_zero", ["side": dotZero.side.rawValue, "id": dotZero.id, "whole": dotZero.whole, "fix": fix], in: language)
        }
    }
}
