/// Thrown by a test whose tool or file is missing (the siklus binary, tmux, DuckDB, the demo data).
///
/// A thrown error fails the test with this reason: a missing prerequisite must never pass as a skip,
/// or a machine without it would silently run fewer checks.
public struct MissingPrerequisite: Error, CustomStringConvertible {
    /// What is missing and how to get it.
    public var description: String

    public init(_ reason: String) { description = reason }
}
