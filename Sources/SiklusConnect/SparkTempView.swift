import SiklusSQL

/// The statement that makes a CSV file written by `SparkCSVFile` a session temporary view, with the
/// schema given explicitly (nothing is inferred) and the reader options that undo the writer's encoding.
/// Spark reads the file at each query (a view, not a copy), so the file must stay until the view goes,
/// and on a cluster every executor must be able to read `path`.
enum SparkTempView {
    /// `CREATE OR REPLACE TEMPORARY VIEW name (columns) USING csv OPTIONS (…)`.
    static func createStatement(name: String, columns: [(name: String, type: SQLValueType)], file: SparkCSVFile,
                                path: String) -> String {
        let schema = columns.map { SparkSQLText.identifier($0.name) + " " + SparkSQLText.typeName($0.type) }
        let options: [(String, String)] = [
            ("path", path),
            ("header", "true"),
            ("enforceSchema", "true"),
            ("multiLine", file.hasLineBreaks ? "true" : "false"),
            ("quote", "\""),
            ("escape", "\""),
            ("nullValue", file.nullMarker),
            ("emptyValue", ""),
            ("nanValue", "NaN"),
            ("positiveInf", "Inf"),
            ("negativeInf", "-Inf"),
            ("timestampFormat", "yyyy-MM-dd HH:mm:ss"),
            ("ignoreLeadingWhiteSpace", "false"),
            ("ignoreTrailingWhiteSpace", "false"),
            ("encoding", "UTF-8"),
            ("mode", "FAILFAST"),
        ]
        let optionText = options.map { "\($0.0) \(SparkSQLText.literal($0.1))" }.joined(separator: ", ")
        return "CREATE OR REPLACE TEMPORARY VIEW \(SparkSQLText.identifier(name)) (\(schema.joined(separator: ", ")))"
            + " USING csv OPTIONS (\(optionText))"
    }
}
