import Foundation

/// Lengths of time printed back to the user (`within 30min`, `churn_after = 90d`): in the largest
/// unit that divides them exactly, so a 30-minute funnel window is not shown as `0d`.
public enum DurationText {
    private static let units: [(seconds: Int64, short: String, long: String)] = [
        (86_400, "d", "day"), (3_600, "h", "hour"), (60, "min", "minute"), (1, "s", "second"),
    ]

    /// `90d`, `36h`, `30min`, `45s`: reads back as the same duration (`min`, never `m`, for minutes).
    package static func compact(_ seconds: Int64) -> String {
        let unit = unit(of: seconds)
        return "\(seconds / unit.seconds)\(unit.short)"
    }

    /// `90 days`, `1 hour`, `30 minutes`.
    package static func words(_ seconds: Int64) -> String {
        let unit = unit(of: seconds), n = seconds / unit.seconds
        return "\(n) \(unit.long)\(n == 1 ? "" : "s")"
    }

    /// A `.days` value under a day as people read it: `5.2 h`, `25 min`, `40 s`; nil from one day up
    /// (and for non-finite values), where callers print days. Human output modes use it for funnel
    /// medians and `time_to_purchase`; machine modes keep the number of days.
    public static func underADay(_ days: Double) -> String? {
        guard days.isFinite, abs(days) < 1 else { return nil }
        let seconds = days * 86_400
        if abs(seconds) >= 3_600 { return String(format: "%.1f h", seconds / 3_600) }
        if abs(seconds) >= 60 { return String(format: "%.0f min", seconds / 60) }
        return String(format: "%.0f s", seconds)
    }

    private static func unit(of seconds: Int64) -> (seconds: Int64, short: String, long: String) {
        units.first { seconds != 0 && seconds % $0.seconds == 0 } ?? units[0]
    }
}
