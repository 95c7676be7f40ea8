import SiklusLanguage
import SiklusStore

extension Catalog {
    /// The catalog of a loaded store: its tables' columns with kinds and roles, the stage map and settings,
    /// and (when given) the distinct event names and whether the events have an amount.
    /// - Complexity: O(columns) plus O(customers) for whether the customers table holds a row; `eventNames`
    ///   and `missingAmount` are computed by the caller (each one pass over the events, cached per context).
    init(store: Store, stageMap: StageMap, settings: SessionSettings, eventNames: [String]?, missingAmount: MissingAmount?) {
        func column(_ column: SiklusStore.Column, role: ColumnRole?) -> Column {
            Column(name: column.name, kind: Self.kind(of: column.type), role: role?.rawValue)
        }
        func columns(_ list: [SiklusStore.Column], roles: [ColumnRole: Int]) -> [Column] {
            list.indices.map { i in column(list[i], role: roles.first { $0.value == i }?.key) }
        }
        let orderColumn = store.events.orderColumn
        let events = Table(isLoaded: store.isLoaded(.events), columns: store.events.extras.map { extra in
            column(extra, role: orderColumn.map { $0.lowercased() == extra.name.lowercased() } == true ? .order : nil)
        })
        self.init(events: events,
                  customers: Table(isLoaded: store.isLoaded(.customers), columns: columns(store.customers.columns, roles: store.customers.roles)),
                  spend: Table(isLoaded: store.isLoaded(.spend), columns: columns(store.spend.columns, roles: store.spend.roles)),
                  orderColumn: orderColumn, missingAmount: missingAmount?.hint, stageMap: stageMap, settings: settings,
                  eventNames: eventNames)
    }

    /// The columns of a store, with the default stage map and settings: enough to resolve names.
    init(columnsOf store: Store) {
        self.init(store: store, stageMap: StageMap(), settings: SessionSettings(), eventNames: nil, missingAmount: nil)
    }

    static func kind(of type: ColumnType) -> ValueKind {
        switch type {
        case .string: .text
        case .int, .float: .number
        case .date, .datetime: .time
        }
    }
}

extension Attribute {
    /// How values of the attribute compare in a loaded store.
    func kind(in store: Store) -> ValueKind {
        switch self {
        case .customerColumn(let i): Self.kind(of: Catalog.kind(of: store.customers.columns[i].type))
        case .eventExtra(let i): Self.kind(of: Catalog.kind(of: store.events.extras[i].type))
        default: kind(in: Catalog())
        }
    }

    /// Resolves a column name against a loaded store (see `resolve(_:in:preferEvents:)` on a catalog).
    static func resolve(_ name: QualifiedName, in store: Store, preferEvents: Bool) throws(Diagnostic) -> Attribute {
        try resolve(name, in: Catalog(columnsOf: store), preferEvents: preferEvents)
    }

    /// Names the user can write in a loaded store.
    static func names(in store: Store) -> [String] { names(in: Catalog(columnsOf: store)) }
}
