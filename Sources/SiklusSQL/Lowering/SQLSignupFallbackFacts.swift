/// A cohort filter on signup narrows `customer_facts` to the signup candidates (`SQLLowering+SignupWindow`),
/// whose facts it computes from all their events. When `SQLColumnPruning` has left `people` reading only
/// signup from the facts (its `first_event`, in `coalesce(customers' signup, first_event)`), the facts of a
/// candidate whose signup is in the customers table are never used: this pass narrows the facts to the
/// other candidates (`signupFallbackCandidates`). Every customer keeps the same signup; on data where the
/// customers table has every signup (the bench's), no customer is left, and PostgreSQL skips the scan of
/// the events a hash join to an empty set needs (Spark's adaptive execution does the same), where before it
/// joined every event to the candidates. Measured at 1M customers on PostgreSQL: `cohort signup=2022-09 |
/// stage retention | metric avg_order` 4.4 s → 3.4 s. `people` itself then needs no join: the customers
/// rows whose signup is in the window, then the facts' rows (`signupPeople`), where the FULL JOIN of the
/// candidates' customers rows with the facts shuffled every customer on Spark. On Spark the fallback set is
/// broadcast (`SQLSelect.broadcast`): the facts' join scans the events without shuffling them (1M
/// customers, pyspark on cached views: 7.8 s → 4.0–4.5 s, where the hand-written query takes 2.0 s).
enum SQLSignupFallbackFacts {
    /// `query` with the `IN (…)` filter of the CTE `facts` replaced by `IN (fallbackName)`, a CTE of
    /// `fallback` inserted before it, when `facts` has only `customer_id` and `first_event`, only `people`
    /// reads it, and `people` lists only `customer_id` and `signup` (unchanged otherwise). When `people`
    /// lists exactly those two and only the source reads it, its body becomes `signupPeople` (the customers
    /// rows in the signup window, then the facts' rows): no join of the candidates' customers rows with the facts.
    /// - Complexity: O(size of the query).
    static func narrow(in query: SQLQuery, facts: String, people: String, to fallback: SQLQuery, named fallbackName: String,
                       signupPeople: SQLQuery?) -> SQLQuery {
        guard let index = query.ctes.firstIndex(where: { $0.name == facts }),
              let peopleIndex = query.ctes.firstIndex(where: { $0.name == people }),
              case .select(var select) = query.ctes[index].query.body,
              case .inQuery(let customer, _, negated: false)? = select.filter,
              aliases(select) == ["customer_id", "first_event"],
              case .select(let peopleSelect) = query.ctes[peopleIndex].query.body,
              Set(aliases(peopleSelect)).isSubset(of: ["customer_id", "signup"]),
              SQLTableReferences.count(in: query)[facts.lowercased()] == 1
        else { return query }
        // Usually empty or tiny, so Spark broadcasts it rather than shuffle every event to the join (a CTE
        // read once: no engine materializes it).
        let small = SQLSelect([.column("customer_id")], from: .table(fallbackName, alias: nil), broadcast: fallbackName)
        select.filter = .inQuery(customer, SQLQuery(small), negated: false)
        var result = query
        result.ctes.insert(SQLCommonTableExpression(fallbackName, comment: "the candidates whose signup the customers table does not give (usually none)", fallback),
                           at: index)
        let factsAt = index + 1, peopleAt = peopleIndex >= index ? peopleIndex + 1 : peopleIndex
        result.ctes[factsAt].query.body = .select(select)
        result.ctes[factsAt].comment = "their first event"
        if let signupPeople, aliases(peopleSelect) == ["customer_id", "signup"], SQLTableReferences.count(in: query)[people.lowercased()] == 1 {
            result.ctes[peopleAt].query = signupPeople
            result.ctes[peopleAt].comment = "the customers whose customers-table signup is in the cohort's window, then the others' first event"
        }
        return result
    }

    /// The output names of a select (nil for `*`).
    private static func aliases(_ select: SQLSelect) -> [String?] {
        select.items.map { item in
            switch item {
            case .expression(.column(let name, _), alias: nil): name
            case .expression(_, let alias): alias
            case .all, .allExcept: nil
            }
        }
    }
}
