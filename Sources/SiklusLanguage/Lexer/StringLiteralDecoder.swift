/// Decodes the text of a `.string` token into its value.
///
/// Escapes: `\"` `\'` `\\` `\n` `\t` `\r` `\0` and `\u{1F600}` (1–8 hex digits naming a Unicode scalar).
/// Any other backslash is kept as written, so Windows paths such as `"C:\data\events.csv"` need no
/// doubling (but `\n`, `\t`, `\r`, `\0` and `\u` still decode: write `\\n` for a literal backslash-n).
/// A `\r\n` line break inside a multi-line string becomes `\n`.
public enum StringLiteralDecoder {
    /// The value of a string token's text (quotes included), e.g. `"a\tb"` → a, tab, b.
    /// - Precondition: `text` starts with a quote; the closing quote, if present, matches it.
    /// - Complexity: O(n) in the length of the text.
    public static func decode(_ text: String) -> String {
        let bytes = CurlyQuote.straightened(Array(text.utf8))
        precondition(!bytes.isEmpty && (bytes[0] == UInt8(ascii: "\"") || bytes[0] == UInt8(ascii: "'")),
                     "a string literal starts with a quote")
        let quote = bytes[0]
        var end = bytes.count
        if end >= 2, bytes[end - 1] == quote, !endsInsideEscape(bytes) { end -= 1 }
        var out: [UInt8] = []
        out.reserveCapacity(end)
        var i = 1
        while i < end {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\r"), i + 1 < end, bytes[i + 1] == UInt8(ascii: "\n") {
                i += 1
                continue
            }
            guard byte == UInt8(ascii: "\\"), i + 1 < end else {
                out.append(byte)
                i += 1
                continue
            }
            let escaped = bytes[i + 1]
            switch escaped {
            case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "\\"): out.append(escaped); i += 2
            case UInt8(ascii: "n"): out.append(UInt8(ascii: "\n")); i += 2
            case UInt8(ascii: "t"): out.append(UInt8(ascii: "\t")); i += 2
            case UInt8(ascii: "r"): out.append(UInt8(ascii: "\r")); i += 2
            case UInt8(ascii: "0"): out.append(0); i += 2
            case UInt8(ascii: "u"):
                if let (scalar, length) = unicodeEscape(bytes, at: i + 2, end: end) {
                    out.append(contentsOf: String(Character(scalar)).utf8)
                    i += 2 + length
                } else {
                    out.append(byte)
                    i += 1
                }
            default:
                out.append(byte)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// True when the final byte is escaped by an odd run of backslashes (so it is not a closing quote).
    private static func endsInsideEscape(_ bytes: [UInt8]) -> Bool {
        var backslashes = 0
        var i = bytes.count - 2
        while i >= 1, bytes[i] == UInt8(ascii: "\\") {
            backslashes += 1
            i -= 1
        }
        return backslashes % 2 == 1
    }

    /// `{1F600}` starting at `start`: the scalar and the number of bytes used, or nil when malformed.
    private static func unicodeEscape(_ bytes: [UInt8], at start: Int, end: Int) -> (Unicode.Scalar, Int)? {
        guard start < end, bytes[start] == UInt8(ascii: "{") else { return nil }
        var value: UInt32 = 0
        var i = start + 1
        while i < end, i - start <= 8, let digit = hexValue(bytes[i]) {
            value = value << 4 | digit
            i += 1
        }
        guard i > start + 1, i < end, bytes[i] == UInt8(ascii: "}"), let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, i + 1 - start)
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}
