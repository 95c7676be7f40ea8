/// Reads one CSV file into a table of a store.
struct CSVLoader {
    let path: String
    let table: TableKind
    let options: LoadOptions

    func load(into store: inout Store) throws -> LoadReport {
        throw LoadError(path: path, message: "the CSV loader is not implemented yet")
    }
}
