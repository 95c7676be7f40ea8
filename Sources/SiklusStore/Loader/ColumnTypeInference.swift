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

    /// A guess at the pattern of day-first or month-first dates, for the error hint.
    static func suggestedPattern(_ values: [[UInt8]]) -> String? {
        var ambiguous: String?
        for value in values.prefix(50) {
            let text = String(decoding: value, as: UTF8.self)
            let parts = text.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" })
            guard parts.count == 3, parts[2].count == 4 || parts[2].count > 4 else { continue }
            let separator = text.first { $0 == "/" || $0 == "." || $0 == "-" } ?? "/"
            let first = Int(parts[0]) ?? 0, second = Int(parts[1]) ?? 0
            let time = text.contains(":") ? " %H:%M" + (text.filter { $0 == ":" }.count > 1 ? ":%S" : "") : ""
            if first > 12 { return "%d\(separator)%m\(separator)%Y\(time)" }
            if second > 12 { return "%m\(separator)%d\(separator)%Y\(time)" }
            ambiguous = ambiguous ?? "%d\(separator)%m\(separator)%Y\(time)"
        }
        return ambiguous ?? (values.isEmpty ? nil : "%d/%m/%Y")
    }
}
