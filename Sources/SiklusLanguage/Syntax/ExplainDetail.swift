/// How much `explain` shows. The short form is meant for a class (the plan in words, the formulas and a
/// worked example on a real customer); the longer ones add the parts meant for engineers.
public enum ExplainDetail: String, Hashable, Sendable, CaseIterable {
    /// `explain …`: the query, the plan in words, the formulas, the worked example and the settings.
    case short
    /// `explain sql …`: the short form and the SQL the pipeline compiles to.
    case sql
    /// `explain tree …`: the short form and the syntax tree and logical plan the engines compile.
    case tree
    /// `explain all …`: every part (the syntax tree, the logical plan, the plan in words, the formulas,
    /// the worked example, the SQL and the settings).
    case all

    /// The words written after `explain` to ask for a longer form (`short` has none).
    public static let words = ["sql", "tree", "all"]

    /// True when this form shows the SQL.
    public var showsSQL: Bool { self == .sql || self == .all }
    /// True when this form shows the syntax tree and the logical plan.
    public var showsTrees: Bool { self == .tree || self == .all }
}
