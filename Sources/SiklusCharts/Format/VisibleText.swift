/// Data text made safe to show to a person: control characters are written as escapes so that data can
/// never move the cursor, recolour or retitle the terminal, or break a table's grid. The one escaping
/// used by every human output (box, table, plain, line and markdown modes; chart labels in the terminal,
/// SVG and HTML). Exact outputs (csv, tsv, json) keep data as it is.
public enum VisibleText {
    /// `text` with each control character escaped: `\n`, `\r`, `\t` by name, other C0 controls and DEL
    /// as `\x1b`-style hex, C1 controls (U+0080–U+009F) as `\u{9b}`. Everything else is unchanged
    /// (a backslash too, so ordinary paths read as written).
    ///
    /// - Complexity: O(n); text with no controls is returned without copying.
    public static func escapingControls(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            guard isControl(scalar) else {
                out.unicodeScalars.append(scalar)
                continue
            }
            switch scalar.value {
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x80...0x9F: out += "\\u{" + hex(scalar.value) + "}"
            default: out += "\\x" + hex(scalar.value)
            }
        }
        return out
    }

    /// C0 controls, DEL and C1 controls.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return digits.count < 2 ? "0" + digits : digits
    }
}
