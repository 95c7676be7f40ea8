import SiklusSQL

/// Quoting for the Spark SQL that Siklus writes itself (temp view definitions).
enum SparkSQLText {
    /// A backquoted identifier (a backquote inside is doubled).
    static func identifier(_ name: String) -> String {
        "`" + name.replacingOccurrences(of: "`", with: "``") + "`"
    }

    /// A string literal. Spark reads backslash escapes in literals, so backslashes, quotes and control
    /// characters are escaped (`\\`, `\'`, `\u0001`).
    static func literal(_ text: String) -> String {
        var quoted = "'"
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": quoted += "\\\\"
            case "'": quoted += "\\'"
            case _ where scalar.value < 0x20 || scalar.value == 0x7f:
                let hex = String(scalar.value, radix: 16)
                quoted += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "'"
    }

    /// The Spark type a column of `type` is declared as in a view Siklus creates.
    static func typeName(_ type: SQLValueType) -> String {
        switch type {
        case .text: "STRING"
        case .integer: "BIGINT"
        case .number: "DOUBLE"
        case .timestamp: "TIMESTAMP"
        case .boolean: "BOOLEAN"
        }
    }
}
