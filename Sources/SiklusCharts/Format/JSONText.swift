/// JSON string literals, for every writer of JSON in Siklus (chart exports and the shell's json mode).
public enum JSONText {
    /// `text` as a JSON string literal: RFC 8259 escaping, non-ASCII left as UTF-8. DEL and the C1
    /// controls, which JSON allows raw, are escaped too (`\u009b`), the same data, so JSON on a terminal
    /// cannot drive it either.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if VisibleText.isControl(scalar) {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
