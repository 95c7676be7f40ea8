/// Hints for a column whose values the loader cannot read as its role needs (times that are not ISO,
/// amounts that are not numbers), built from what actually fits the failing values: candidate time formats
/// are tried on them and only those that parse every one are suggested.
enum ValueFormatHints {
    /// Date orders worth trying, most common first: day-first before month-first, so that when both fit
    /// (every day ≤ 12) the first suggestion is the one most files outside the US use.
    static let datePatterns = ["%Y/%m/%d", "%d/%m/%Y", "%m/%d/%Y", "%d.%m.%Y", "%Y.%m.%d", "%d-%m-%Y", "%m-%d-%Y",
                               "%Y-%m-%d", "%d/%m/%y", "%m/%d/%y", "%d.%m.%y"]
    /// Time parts after the date (none, minutes, seconds; a space or a `T`).
    static let timeSuffixes = ["", " %H:%M", " %H:%M:%S", "T%H:%M", "T%H:%M:%S"]
    /// At most this many failing values are tried (the sniffer's sample is bounded anyway).
    static let triedValues = 200

    /// The patterns that parse every one of `values`, in `datePatterns` order.
    /// - Complexity: O(candidates × values × length).
    static func fittingPatterns(_ values: [[UInt8]]) -> [String] {
        guard !values.isEmpty else { return [] }
        var fitting: [String] = []
        for date in datePatterns {
            for time in timeSuffixes {
                let pattern = Array((date + time).utf8)
                if values.allSatisfy({ value in value.withUnsafeBytes { FieldParsers.patterned($0, pattern: pattern) != nil } }) {
                    fitting.append(date + time)
                }
            }
        }
        return fitting
    }

    /// The hint for a time column (`role`) whose sampled values are mostly not ISO times.
    static func time(role: ColumnRole, sample: [[UInt8]]) -> LoadError.Help {
        let failing = Array(sample.lazy.filter { value in
            !value.isEmpty && !value.withUnsafeBytes(FieldParsers.isNullWord) && value.withUnsafeBytes(FieldParsers.isoTimestamp) == nil
        }.prefix(triedValues))
        guard let example = failing.first else { return .format(role: role, pattern: "%d/%m/%Y", alternatives: []) }
        // Spaces around the values: say so rather than guess a format from the spaces.
        if failing.contains(where: { $0.first == UInt8(ascii: " ") || $0.last == UInt8(ascii: " ") }) {
            let trimmed = failing.map(trimmingSpaces)
            let text = String(decoding: failing.first { $0.first == UInt8(ascii: " ") || $0.last == UInt8(ascii: " ") } ?? example, as: UTF8.self)
            if trimmed.allSatisfy({ $0.isEmpty || $0.withUnsafeBytes(FieldParsers.isoTimestamp) != nil }) { return .spacesISO(example: text) }
            if let pattern = fittingPatterns(trimmed.filter { !$0.isEmpty }).first { return .spacesFormat(example: text, role: role, pattern: pattern) }
            return .spaces(example: text)
        }
        if let milliseconds = epochFormat(failing) { return .epoch(role: role, milliseconds: milliseconds) }
        let fitting = fittingPatterns(failing)
        guard let first = fitting.first else { return .noFormat(example: String(decoding: example, as: UTF8.self), role: role) }
        return .format(role: role, pattern: first, alternatives: Array(fitting.dropFirst().prefix(2)))
    }

    /// The hint for a time column (`role`) that holds integers.
    static func integerTime(role: ColumnRole, sample: [[UInt8]]) -> LoadError.Help {
        let values = sample.filter { !$0.isEmpty && !$0.withUnsafeBytes(FieldParsers.isNullWord) }
        if let milliseconds = epochFormat(values) { return .epoch(role: role, milliseconds: milliseconds) }
        return .unixTimes(role: role)
    }

    /// Whether every value is an integer in the range of Unix seconds (false) or milliseconds (true) for
    /// years 1973–2286; nil when neither fits them all.
    static func epochFormat(_ values: [[UInt8]]) -> Bool? {
        let numbers = values.map { value in value.withUnsafeBytes(FieldParsers.int64) }
        guard !numbers.isEmpty, numbers.allSatisfy({ $0 != nil }) else { return nil }
        let all = numbers.compactMap { $0 }
        if all.allSatisfy({ (100_000_000..<10_000_000_000).contains($0) }) { return false }
        if all.allSatisfy({ (100_000_000_000..<10_000_000_000_000).contains($0) }) { return true }
        return nil
    }

    /// The hint for a numeric column (`role`) whose sampled values are mostly not numbers.
    static func number(role: ColumnRole, sample: [[UInt8]], delimiter: UInt8) -> LoadError.Help {
        let values = sample.filter { !$0.isEmpty && !$0.withUnsafeBytes(FieldParsers.isNullWord) }
        let decimalComma = values.filter(isDecimalComma)
        if !decimalComma.isEmpty, decimalComma.count * 2 >= values.count {
            let example = String(decoding: decimalComma[0], as: UTF8.self)
            // In a comma-delimited file such values are quoted ("12,50"), so the quotes must go too.
            let command = delimiter == UInt8(ascii: ",")
                ? #"sed -E 's/"(-?[0-9.]*[0-9]),([0-9]+)"/\1.\2/g'"#
                : #"sed -E 's/([0-9]),([0-9])/\1.\2/g'"#
            return .decimalComma(example: example, command: command)
        }
        return .numericColumn(role: role)
    }

    /// `12,50`, `-0,5`, `1.234,50`: digits, one comma, digits; dots only as thousands separators before it.
    static func isDecimalComma(_ value: [UInt8]) -> Bool {
        let body = value.first == UInt8(ascii: "-") ? value.dropFirst() : value[...]
        guard let comma = body.firstIndex(of: UInt8(ascii: ",")), comma > body.startIndex, comma < body.endIndex - 1 else { return false }
        let whole = body[..<comma], fraction = body[(comma + 1)...]
        guard fraction.allSatisfy({ (48...57).contains($0) }) else { return false }
        let groups = whole.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy { (48...57).contains($0) } }) else { return false }
        return groups.count == 1 || (groups[0].count <= 3 && groups.dropFirst().allSatisfy { $0.count == 3 })
    }

    private static func trimmingSpaces(_ value: [UInt8]) -> [UInt8] {
        Array(value.drop { $0 == UInt8(ascii: " ") }.reversed().drop { $0 == UInt8(ascii: " ") }.reversed())
    }

    /// True when a "header" is really a record: every name is a number or a date (`00001`, `19970101`,
    /// `11.77`), as in CDNOW's log, which has no header line.
    static func looksLikeData(_ header: [String]) -> Bool {
        !header.isEmpty && header.allSatisfy { name in
            Array(name.utf8).withUnsafeBytes { FieldParsers.double($0) != nil || FieldParsers.isoTimestamp($0) != nil }
        }
    }
}
