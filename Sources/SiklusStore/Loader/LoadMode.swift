/// How a load treats rows the table may already hold.
public enum LoadMode: String, Sendable, Equatable, CaseIterable {
    /// Appends, but skips a file the table already holds: the same file unchanged, or a byte-identical
    /// copy of one (either would count every row twice).
    case normal
    /// Appends even a file the table already holds (`load … append`).
    case append
    /// Replaces the table's rows with this file's (`load … replace`).
    case replace
}
