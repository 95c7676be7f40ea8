import SiklusLanguage
import SiklusTime

/// The text `rows` shows that does not come from a column's values: its times as ISO text and the note
/// with the total in scope. Shared by the in-memory listing and the SQL compiler's reading of an
/// engine's rows, so both print the same.
public enum RowListingText {
    /// "note: the first 20 of 1,234 event rows; `rows 1234` shows them all", "note: all 12 event rows",
    /// or "note: the only event row".
    public static func note(shown: Int, total: Int, of things: String, limit: Int) -> String {
        if total == 1 { return MessageCatalog.text(things == "customers" ? "rows.only_customer" : "rows.only_event_row") }
        let noun = MessageCatalog.noun(things)
        if shown >= total { return MessageCatalog.text("rows.all", ["count": grouped(total), "things": noun]) }
        let more = limit >= Int(StepLimits.rows) ? "" : MessageCatalog.text("rows.more", ["count": String(min(Int64(total), StepLimits.rows))])
        return MessageCatalog.text("rows.first", ["shown": grouped(shown), "total": grouped(total), "things": noun, "more": more])
    }

    /// `n` with thousands separators of the current language: `1,234`, in Indonesian `1.234`.
    private static func grouped(_ n: Int) -> String {
        let separator: Character = Language.current == .id ? "." : ","
        let digits = String(n)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(separator) }
            out.append(ch)
        }
        return out
    }

    /// ISO text: `2022-09-14 10:21:14` for every value when `withTimeOfDay`, else `2022-09-14`.
    public static func times(_ times: [Int64?], withTimeOfDay: Bool) -> [String?] {
        times.map { time in
            time.map { t in
                let date = CivilTime.formatDate(t)
                guard withTimeOfDay else { return date }
                let s = secondOfDay(t)
                return date + " " + twoDigits(s / 3600) + ":" + twoDigits(s / 60 % 60) + ":" + twoDigits(s % 60)
            }
        }
    }

    /// True when some time is not at midnight (then every time of the column shows its time of day).
    public static func hasTimeOfDay(_ times: [Int64?]) -> Bool {
        times.contains { $0.map { secondOfDay($0) != 0 } ?? false }
    }

    /// Seconds since midnight, 0 ..< 86,400, without multiplying the day back (which overflows near Int64.min).
    private static func secondOfDay(_ t: Int64) -> Int64 {
        let r = t % CivilTime.secondsPerDay
        return r < 0 ? r + CivilTime.secondsPerDay : r
    }

    private static func twoDigits(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
