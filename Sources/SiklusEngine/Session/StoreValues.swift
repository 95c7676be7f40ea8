import SiklusStore

/// The `DataValues` of a loaded store, for the value check (`ValueCheck`): whether a text occurs at all
/// is one lookup in the store's string dictionary; a text attribute's values are one pass over its code
/// column (customers or event rows) counting each code, most frequent first. The check asks for the pass
/// only for a value the dictionary lacks, at most once per attribute and query.
enum StoreValues {
    /// The values of the in-memory data (acquisition channels from the per-customer facts).
    static func of(_ context: EvalContext) -> DataValues {
        let store = context.store
        return DataValues(occurs: { store.strings.code(of: $0) != nil }) { attribute in
            switch attribute {
            case .acquisitionChannel: return ranked(context.facts.acquisitionChannel, store.strings)
            case .event: return ranked(store.events.event, store.strings)
            case .eventChannel: return ranked(store.events.channel, store.strings)
            case .customerColumn(let i): return i < store.customers.columns.count ? ranked(store.customers.columns[i], store.strings) : nil
            case .eventExtra(let i): return i < store.events.extras.count ? ranked(store.events.extras[i], store.strings) : nil
            default: return nil
            }
        }
    }

    /// The values of the files loaded while connected (`staging`), for the tables Siklus wrote from them;
    /// attributes of a bound existing table are unknown (listing them would be a query per check).
    /// Columns are matched by name, since the engine catalog numbers them its own way.
    static func staged(_ staging: Store, bindings: [TableKind: EngineTableBinding], catalog: Catalog) -> DataValues {
        func fromFiles(_ table: TableKind) -> Bool {
            if case .files? = bindings[table]?.origin { true } else { false }
        }
        let events = fromFiles(.events), customers = fromFiles(.customers), customersBound = bindings[.customers] != nil
        return DataValues(occurs: { staging.strings.code(of: $0) != nil ? true : nil }) { attribute in
            switch attribute {
            case .event where events: return ranked(staging.events.event, staging.strings)
            case .eventChannel where events: return ranked(staging.events.channel, staging.strings)
            case .eventExtra(let i) where events && i < catalog.events.columns.count:
                return staging.events.extra(catalog.events.columns[i].name).flatMap { ranked($0, staging.strings) }
            case .customerColumn(let i) where customers && i < catalog.customers.columns.count:
                return staging.customers.column(named: catalog.customers.columns[i].name).flatMap { ranked($0, staging.strings) }
            case .acquisitionChannel where events && (customers || !customersBound):
                // customers.channel, else the first event's channel: every value is one of these two columns'.
                var codes = staging.events.channel
                if let channel = staging.customers.column(for: .channel), case .code(let values) = channel.data { codes += values }
                return ranked(codes, staging.strings)
            default: return nil
            }
        }
    }

    /// A text column's distinct values, most frequent first; nil for a column of another type.
    private static func ranked(_ column: Column, _ strings: StringDictionary) -> [String]? {
        guard case .code(let codes) = column.data else { return nil }
        return ranked(codes, strings)
    }

    /// The distinct codes' strings, most frequent first (ties by text); missing values (-1) left out.
    /// - Complexity: O(codes + dictionary size + v log v) for v distinct values.
    static func ranked(_ codes: [Int32], _ strings: StringDictionary) -> [String] {
        var counts = [Int](repeating: 0, count: strings.count)
        for code in codes where code >= 0 && Int(code) < counts.count { counts[Int(code)] += 1 }
        return counts.indices.filter { counts[$0] > 0 }
            .map { (strings[Int32($0)], counts[$0]) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            .map(\.0)
    }
}
