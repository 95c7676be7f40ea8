/// The in-memory columnar store: three tables sharing one customer dictionary and one string dictionary.
///
/// A value type: `load` works on a copy and the caller keeps the old value when it throws, so a failed
/// load leaves every table as it was.
public struct Store: Sendable {
    /// Customer ids as text identity (`00017` and `17850.0` stay as written), shared by all tables.
    public internal(set) var customerIDs = StringDictionary()
    /// Every other string value (event names, channels, countries, extra text columns).
    public internal(set) var strings = StringDictionary()
    public internal(set) var events = EventTable()
    public internal(set) var customers = CustomerTable()
    public internal(set) var spend = SpendTable()
    /// Reports of every successful load, oldest first.
    public internal(set) var loads: [LoadReport] = []

    public init() {}

    /// True when the table has any rows.
    public func isLoaded(_ table: TableKind) -> Bool {
        switch table {
        case .events: events.count > 0
        case .customers: customers.hasRow.contains(true)
        case .spend: spend.count > 0
        }
    }

    /// Loads (appends) a CSV file into `table`. On error `self` is unchanged. A file this table already
    /// holds, unchanged since, or a byte-identical copy of one, is skipped (the report says so): loading
    /// it twice would double its rows. `.append` loads it anyway; `.replace` first empties the table.
    @discardableResult
    public mutating func load(_ table: TableKind, path: String, options: LoadOptions = LoadOptions(), mode: LoadMode = .normal) throws -> LoadReport {
        if let delimiter = options.delimiter, let problem = LoadError.delimiterProblem(delimiter) {
            throw LoadError(path: path, .delimiter(byte: delimiter, problem: problem),
                            help: .delimiter)
        }
        var next = self
        if mode == .replace { next.removeRows(of: table) }
        var report = try CSVLoader(path: path, table: table, options: options, mode: mode).load(into: &next)
        if report.alreadyLoaded { return report }
        if let note = CustomerIDMatch.note(next, loaded: table, path: path) { report.notes.append(note) }
        next.loads.append(report)
        self = next
        return report
    }
}
