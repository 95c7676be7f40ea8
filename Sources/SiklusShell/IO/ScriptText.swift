/// Turns the bytes of a script into text, naming what makes them no UTF-8 script: UTF-16 (with the
/// `iconv` command that converts it) or NUL bytes (a binary file).
enum ScriptText {
    /// `bytes` as UTF-8 text; a UTF-8 byte order mark is dropped and invalid bytes become U+FFFD.
    ///
    /// - Complexity: O(n).
    static func decode(_ bytes: [UInt8], path: String) throws(FileOpenError) -> String {
        if isUTF16(bytes) {
            throw FileOpenError(path: path, action: "run",
                                reason: "the script is UTF-16; convert it with `iconv -f UTF-16 -t UTF-8 \(path) > converted.sik`")
        }
        if let nul = bytes.firstIndex(of: 0) {
            throw FileOpenError(path: path, action: "run",
                                reason: "it has a NUL byte at byte \(nul + 1): a binary file, not a script")
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        return String(decoding: body, as: UTF8.self)
    }

    /// A UTF-16 byte order mark, or (without one) text whose every other byte is NUL, as UTF-16
    /// ASCII is: at least half of the first 512 byte pairs with a NUL on one side and not the other.
    static func isUTF16(_ bytes: [UInt8]) -> Bool {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return true }
        let pairs = min(bytes.count / 2, 512)
        guard pairs > 0 else { return false }
        var halfNul = 0
        for pair in 0..<pairs where (bytes[2 * pair] == 0) != (bytes[2 * pair + 1] == 0) { halfNul += 1 }
        return halfNul * 2 >= pairs
    }
}
