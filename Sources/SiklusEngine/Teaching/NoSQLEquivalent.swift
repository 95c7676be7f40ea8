/// Why `explain` shows no SQL for a pipeline: the construct the SQL compiler refuses, or the files it
/// cannot read as Siklus read them.
struct NoSQLEquivalent: Error {
    /// What has no equivalent, with the reason: "rows (a listing, not a table)".
    let what: String
    /// The line `explain` prints in place of the SQL.
    let sentence: String

    init(_ what: String) {
        self.what = what
        sentence = "no SQL equivalent shown for \(what)"
    }
}
