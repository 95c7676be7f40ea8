/// A function-sized piece of SQL with holes, as a dialect's library writes it (compare PRQL's
/// `std.sql.prql`): `{0}`, `{1}`… are the printed arguments (parenthesized unless atomic), and
/// `{filter}` is the aggregate's ` FILTER (WHERE …)` or nothing.
public struct SQLTemplate: Sendable, Equatable, ExpressibleByStringLiteral {
    public let text: String

    public init(_ text: String) { self.text = text }
    public init(stringLiteral value: String) { text = value }

    /// The holes `{1}, {2}, …` of an aggregate's ordering keys (its arguments after the value), comma-separated.
    static func orderingKeys(argumentCount: Int) -> String {
        (1..<max(argumentCount, 1)).map { "{\($0)}" }.joined(separator: ", ")
    }

    /// True when the template uses `{filter}` (it then needs the dialect's `FILTER` clause).
    var takesFilter: Bool { text.contains("{filter}") }

    /// The template with its holes filled.
    func fill(_ arguments: [String], filter: String = "") -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let key = rest[rest.index(after: open)..<close]
            if key == "filter" {
                out += filter
            } else if let i = Int(key), arguments.indices.contains(i) {
                out += arguments[i]
            } else {
                preconditionFailure("template \(text) has no argument \(key)")
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// True when the filled template reads as one term (`f(…)`, `(…)`), so it needs no parentheses
    /// inside a larger expression.
    static func isAtomic(_ sql: String) -> Bool {
        guard sql.hasSuffix(")") else { return !sql.contains(" ") }
        var depth = 0
        var quoted = false
        for (i, ch) in sql.enumerated() {
            if ch == "'" { quoted.toggle() }
            guard !quoted else { continue }
            if ch == "(" { depth += 1 }
            if ch == ")" {
                depth -= 1
                // A closing parenthesis before the end that returns to depth 0: `f(a) + g(b)`.
                if depth == 0 && i != sql.count - 1 { return false }
            }
            if depth == 0 && ch == " " { return false }
        }
        return true
    }
}
