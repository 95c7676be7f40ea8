import Foundation

/// Formats elapsed time for the footer and `.timer`: `0.42 ms`, `3.1 ms`, `1.24 s`.
public enum ElapsedText {
    /// `seconds` in the unit a person reads most easily.
    public static func describe(_ seconds: Double) -> String {
        let ms = seconds * 1000
        if ms < 1 { return String(format: "%.2f ms", ms) }
        if ms < 1000 { return String(format: "%.1f ms", ms) }
        return String(format: "%.2f s", seconds)
    }
}
