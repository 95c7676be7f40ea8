import SiklusLanguage

extension ExplainDetail {
    /// The last line of a shorter `explain`: which forms show the parts it left out (nil for `all`).
    var moreLine: String? {
        switch self {
        case .short: "(`explain sql …` adds the SQL, `explain tree …` the syntax tree and logical plan, `explain all …` everything)"
        case .sql: "(`explain tree …` adds the syntax tree and logical plan, `explain all …` everything)"
        case .tree: "(`explain sql …` adds the SQL, `explain all …` everything)"
        case .all: nil
        }
    }
}
