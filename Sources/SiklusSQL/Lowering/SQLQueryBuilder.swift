/// A query under construction: CTEs in dependency order, each named once (`add` hands out a name no
/// other CTE or source table has, so names built from step numbers never collide).
struct SQLQueryBuilder {
    private(set) var ctes: [SQLCommonTableExpression] = []
    private var taken: Set<String>
    private var shared: [String: String] = [:]

    init(tables: SQLSourceTables) {
        taken = [tables.events, tables.customers, tables.spend].map { $0.lowercased() }.reduce(into: Set<String>()) { $0.insert($1) }
    }

    /// The name of the shared CTE added under `key`, if any (`staged`, `people`, `lifecycle`).
    func sharedName(_ key: String) -> String? { shared[key] }

    /// Adds `query` as a CTE named `preferred` (or `preferred_2`, …) and returns its name.
    @discardableResult
    mutating func add(_ preferred: String, _ comment: String?, _ query: SQLQuery, sharedAs key: String? = nil) -> String {
        let name = reserve(preferred)
        if let key { shared[key] = name }
        ctes.append(SQLCommonTableExpression(name, comment: comment, query))
        return name
    }

    /// A name no CTE or source table has (`preferred`, else `preferred_2`, …), for a CTE a later pass inserts.
    mutating func reserve(_ preferred: String) -> String {
        var name = preferred
        var suffix = 2
        while taken.contains(name.lowercased()) {
            name = "\(preferred)_\(suffix)"
            suffix += 1
        }
        taken.insert(name.lowercased())
        return name
    }

    mutating func add(_ preferred: String, _ comment: String?, _ select: SQLSelect, sharedAs key: String? = nil) -> String {
        add(preferred, comment, SQLQuery(select), sharedAs: key)
    }
}
