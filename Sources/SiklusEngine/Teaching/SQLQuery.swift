/// A DuckDB query under construction: named common table expressions in dependency order, each with
/// a comment saying which idea or pipeline step it computes, then one final `SELECT`.
struct SQLQuery {
    struct CTE {
        let name: String
        let comment: String
        let body: String
    }

    private(set) var ctes: [CTE] = []

    /// True when a CTE of this name has been added.
    func contains(_ name: String) -> Bool { ctes.contains { $0.name == name } }

    /// Adds `name AS (body)`; the comment is printed above it as `-- comment`.
    mutating func add(_ name: String, _ comment: String, _ body: String) {
        precondition(!contains(name), "CTE \(name) added twice")
        ctes.append(CTE(name: name, comment: comment, body: body))
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
