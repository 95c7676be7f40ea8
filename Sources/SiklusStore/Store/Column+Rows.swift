extension Column {
    /// This column followed by `other`'s rows (same type).
    /// - Complexity: O(count + other.count).
    func appending(_ other: Column) -> Column {
        precondition(type == other.type, "appending columns of different types")
        let nullFlags: [Bool]? = (nulls == nil && other.nulls == nil) ? nil
            : (nulls ?? Array(repeating: false, count: count)) + (other.nulls ?? Array(repeating: false, count: other.count))
        switch (data, other.data) {
        case (.int64(let a), .int64(let b)): return Column(name: name, type: type, data: .int64(a + b), nulls: nullFlags)
        case (.double(let a), .double(let b)): return Column(name: name, type: type, data: .double(a + b), nulls: nullFlags)
        case (.code(let a), .code(let b)): return Column(name: name, type: type, data: .code(a + b))
        default: preconditionFailure("column storage does not match its type")
        }
    }

    /// The rows in `order` (`result[i] = self[order[i]]`).
    /// - Complexity: O(order.count).
    func gathered(_ order: [Int32]) -> Column {
        let nullFlags = nulls.map { flags in order.map { flags[Int($0)] } }
        switch data {
        case .int64(let v): return Column(name: name, type: type, data: .int64(order.map { v[Int($0)] }), nulls: nullFlags)
        case .double(let v): return Column(name: name, type: type, data: .double(order.map { v[Int($0)] }), nulls: nullFlags)
        case .code(let v): return Column(name: name, type: type, data: .code(order.map { v[Int($0)] }))
        }
    }

    /// This column with row `at[k]` set to row `k` of `values` (same type), grown to `count` rows. A missing
    /// value in `values` leaves the row as it was: an update file's blank cell says nothing new.
    func scattering(_ values: Column, at rows: [Int32], count newCount: Int) -> Column {
        var grown = self.resized(to: newCount)
        var flags = grown.nulls ?? Array(repeating: false, count: newCount)
        switch (grown.data, values.data) {
        case (.int64(var a), .int64(let b)):
            for (k, r) in rows.enumerated() where !values.isNull(k) { a[Int(r)] = b[k]; flags[Int(r)] = false }
            grown.data = .int64(a)
        case (.double(var a), .double(let b)):
            for (k, r) in rows.enumerated() where !values.isNull(k) { a[Int(r)] = b[k]; flags[Int(r)] = false }
            grown.data = .double(a)
        case (.code(var a), .code(let b)):
            for (k, r) in rows.enumerated() where b[k] != StringDictionary.null { a[Int(r)] = b[k] }
            grown.data = .code(a)
            return grown
        default:
            preconditionFailure("column storage does not match its type")
        }
        grown.nulls = flags.contains(true) ? flags : nil
        return grown
    }

    /// An `int` column as `float` (exact up to 2^53), so that files disagreeing on whether a column has
    /// decimals can be loaded into one table; other columns unchanged.
    func widened(toMatch other: Column) -> Column {
        guard type == .int, other.type == .float, case .int64(let values) = data else { return self }
        return Column(name: name, type: .float, data: .double(values.map(Double.init)), nulls: nulls)
    }

    /// This column padded with nulls (or cut) to `newCount` rows.
    func resized(to newCount: Int) -> Column {
        guard newCount != count else { return self }
        if newCount < count { return gathered((0..<Int32(newCount)).map { $0 }) }
        return appending(Column.empty(name: name, type: type, count: newCount - count))
    }
}
