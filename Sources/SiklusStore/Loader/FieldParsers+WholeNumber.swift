/// `ids=integer`: customer ids exported through a float column (pandas writes `17850.0` for the id
/// `17850` once a column has a missing value) are read as the integers they are.
extension FieldParsers {
    /// `f` without its `.0…` tail when it is digits, a point and only zeros (`17850.0`, `17850.000` →
    /// `17850`); any other text as it is (`17850`, `17850.5`, `A17.0`, `1e4`, `.0`).
    /// - Complexity: O(length of `f`), no copy: the result is a prefix of `f`.
    static func wholeNumberPrefix(_ f: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        guard let point = f.firstIndex(of: UInt8(ascii: ".")), point > 0, point + 1 < f.count else { return f }
        for i in 0..<point where !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(f[i]) { return f }
        for i in (point + 1)..<f.count where f[i] != UInt8(ascii: "0") { return f }
        return UnsafeRawBufferPointer(rebasing: f[..<point])
    }
}
