import SiklusEngine

/// Where completion gets names from: the session's vocabulary and values, and the file system.
public struct CompletionSource {
    /// Statement, step, metric, stage, table, column and option names.
    public var vocabulary: Vocabulary
    /// Known values of a column (`channel` → `social`, `search`, …).
    public var knownValues: (String) -> [String]
    /// Entries of a directory as (name, is a directory); `.` for the current directory.
    public var listDirectory: (String) -> [(name: String, isDirectory: Bool)]

    public init(vocabulary: Vocabulary, knownValues: @escaping (String) -> [String],
                listDirectory: @escaping (String) -> [(name: String, isDirectory: Bool)] = PathCompletion.listDirectory) {
        self.vocabulary = vocabulary
        self.knownValues = knownValues
        self.listDirectory = listDirectory
    }
}
