/// The pipelines each engine refuses, committed so the list can only shrink: every refusal of the
/// matrix must be here, with a construct its error message names; an entry that runs fails the matrix
/// until it is removed. Keys are pipelines as written in the golden files and cases.
enum MatrixRefusals {
    static func list(_ engine: MatrixEngine) -> [String: String] {
        switch engine {
        case .postgres: postgres
        case .duckdb: duckdb
        case .spark: spark
        }
    }

    static let postgres: [String: String] = [:]
    static let duckdb: [String: String] = [:]
    static let spark: [String: String] = [:]
}
