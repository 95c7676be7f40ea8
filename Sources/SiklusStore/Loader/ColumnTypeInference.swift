/// The narrowest type every sampled value of a column parses as.
enum ColumnTypeInference {
    /// Kind and stored type for values with no role constraint. Empty values and null words are ignored;
    /// an integer with leading zeros (`00017`) makes the column text, so identities are kept.
    static func infer(_ values: [[UInt8]]) -> (FieldKind, ColumnType) {
        var allInt = true, allCompactDate = true, allDouble = true, allTime = true, anyDateTime = false
        var seen = 0
        for value in values {
            let keep: (FieldKind, ColumnType)? = value.withUnsafeBytes { f in
                if f.isEmpty || FieldParsers.isNullWord(f) { return nil }
                seen += 1
                if allInt || allDouble {
                    let isInt = FieldParsers.int64(f) != nil
                    if isInt && !FieldParsers.isCanonicalInt(f) { return (.string, .string) }
                    if allInt && !isInt { allInt = false }
                    if allCompactDate && (!isInt || FieldParsers.compactDate(f) == nil) { allCompactDate = false }
                    if allDouble && FieldParsers.double(f) == nil { allDouble = false }
                }
                if allTime {
                    if let (_, precision) = FieldParsers.isoTimestamp(f) {
                        if precision == .dateTime { anyDateTime = true }
                    } else {
                        allTime = false
                    }
                }
                return (!allInt && !allDouble && !allTime) ? (.string, .string) : nil
            }
            if let keep { return keep }
        }
        guard seen > 0 else { return (.string, .string) }
        if allInt { return allCompactDate ? (.compactDate, .date) : (.int, .int) }
        if allDouble { return (.float, .float) }
        if allTime { return anyDateTime ? (.isoTime, .datetime) : (.isoTime, .date) }
        return (.string, .string)
    }

    /// The kind for a time column given an explicit format.
    static func kind(for format: TimeFormat) -> (FieldKind, ColumnType) {
        switch format {
        case .epochSeconds: return (.epochSeconds, .datetime)
        case .epochMilliseconds: return (.epochMilliseconds, .datetime)
        case .pattern(let pattern):
            let hasTime = pattern.contains("%H") || pattern.contains("%M") || pattern.contains("%S")
            return (.pattern(Array(pattern.utf8)), hasTime ? .datetime : .date)
        }
    }
}
