/// A DuckDB query under construction: named common table expressions in dependency order, each with
/// a comment saying which idea or pipeline step it computes, then one final `SELECT`.
///
/// The query owns its CTE names: `add` hands out a name no other CTE (or loaded table) has, so names
/// built from step numbers (the funnel's `step_3`, the pipeline's third step) can never collide.
struct SQLQuery {
    struct CTE {
        let name: String
        let comment: String
        let body: String
    }

    private(set) var ctes: [CTE] = []
    /// Names in use: the loaded tables (a CTE of that name would hide the table) and every CTE.
    private var taken: Set<String> = ["events", "customers", "spend"]
    /// Shared CTEs (`staged`, `people`, `lifecycle`) by key, added once per query.
    private var sharedNames: [String: String] = [:]

    /// The name of the shared CTE added under `key`, if it has been added.
    func shared(_ key: String) -> String? { sharedNames[key] }

    /// Adds `name AS (body)` under `preferred`, or `preferred_2`, `preferred_3`… when that is taken,
    /// and returns the name to refer to it by. `shared` records it under `preferred` for `shared(_:)`.
    /// The comment is printed above it as `-- comment`.
    mutating func add(_ preferred: String, _ comment: String, _ body: String, shared: Bool = false) -> String {
        var name = preferred
        var suffix = 2
        while taken.contains(name) {
            name = "\(preferred)_\(suffix)"
            suffix += 1
        }
        precondition(!shared || sharedNames[preferred] == nil, "shared CTE \(preferred) added twice")
        taken.insert(name)
        if shared { sharedNames[preferred] = name }
        ctes.append(CTE(name: name, comment: comment, body: body))
        return name
    }

    /// `WITH` and every CTE, then the final statement (ending in `;`).
    func render(final: String) -> String {
        guard !ctes.isEmpty else { return final + ";" }
        var lines = ["WITH"]
        for (i, cte) in ctes.enumerated() {
            for line in cte.comment.split(separator: "\n") { lines.append("-- " + line) }
            lines.append("\(cte.name) AS (")
            lines.append(SQLText.indent(cte.body, 2))
            lines.append(i == ctes.count - 1 ? ")" : "),")
        }
        return lines.joined(separator: "\n") + "\n" + final + ";"
    }
}
