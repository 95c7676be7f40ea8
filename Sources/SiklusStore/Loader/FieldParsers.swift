#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parsers for typed values straight from CSV bytes: no `String` per field.
///
/// Each returns nil when the bytes are not a value of its type; the caller reports where.
enum FieldParsers {
    @inline(__always) static func digit(_ b: UInt8) -> Int64? {
        let d = Int64(b) &- 48
        return (0...9).contains(d) ? d : nil
    }

    /// `-?[0-9]{1,18}`.
    static func int64(_ f: UnsafeRawBufferPointer) -> Int64? {
        var i = 0, n = f.count
        guard n > 0 else { return nil }
        var negative = false
        if f[0] == UInt8(ascii: "-") || f[0] == UInt8(ascii: "+") { negative = f[0] == UInt8(ascii: "-"); i = 1 }
        guard n - i >= 1, n - i <= 18 else { return nil }
        var value: Int64 = 0
        while i < n {
            guard let d = digit(f[i]) else { return nil }
            value = value &* 10 &+ d
            i += 1
        }
        n = 0
        return negative ? -value : value
    }

    /// True for a plain integer written without leading zeros (so `007` stays text, as ids must).
    static func isCanonicalInt(_ f: UnsafeRawBufferPointer) -> Bool {
        guard int64(f) != nil else { return false }
        let start = (f[0] == UInt8(ascii: "-") || f[0] == UInt8(ascii: "+")) ? 1 : 0
        return f.count - start == 1 || f[start] != UInt8(ascii: "0")
    }

    private static let powersOfTen: [Double] = (0...22).map { pow(10.0, Double($0)) }

    /// A decimal number: `12`, `-3.50`, `.5`, `1e6`. Plain decimals of up to 15 significant digits take an
    /// exact fast path (mantissa / 10^k is correctly rounded for k <= 22); others go through `strtod`.
    static func double(_ f: UnsafeRawBufferPointer) -> Double? {
        let n = f.count
        guard n > 0 else { return nil }
        var i = 0
        var negative = false
        if f[0] == UInt8(ascii: "-") || f[0] == UInt8(ascii: "+") { negative = f[0] == UInt8(ascii: "-"); i = 1 }
        var mantissa: Int64 = 0
        var digits = 0, fraction = 0
        var seenDot = false, simple = true
        while i < n {
            let b = f[i]
            if let d = digit(b) {
                if digits < 18 { mantissa = mantissa * 10 + d; digits += 1; if seenDot { fraction += 1 } } else { simple = false }
            } else if b == UInt8(ascii: "."), !seenDot {
                seenDot = true
            } else if b == UInt8(ascii: "e") || b == UInt8(ascii: "E") {
                simple = false
                break
            } else {
                return nil
            }
            i += 1
        }
        if simple {
            guard digits > 0 else { return nil }
            if digits <= 15 {
                let value = Double(mantissa) / powersOfTen[fraction]
                return negative ? -value : value
            }
        }
        return strtodFallback(f)
    }

    private static func strtodFallback(_ f: UnsafeRawBufferPointer) -> Double? {
        guard f.count < 64 else { return nil }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: f.count + 1) { buffer -> Double? in
            for i in 0..<f.count { buffer[i] = CChar(bitPattern: f[i]) }
            buffer[f.count] = 0
            var end: UnsafeMutablePointer<CChar>?
            let value = strtod(buffer.baseAddress!, &end)
            guard let end, end - buffer.baseAddress! == f.count, value.isFinite else { return nil }
            return value
        }
    }

    @inline(__always)
    private static func number(_ f: UnsafeRawBufferPointer, _ at: Int, _ width: Int) -> Int? {
        guard at + width <= f.count else { return nil }
        var value = 0
        for k in at..<(at + width) {
            guard let d = digit(f[k]) else { return nil }
            value = value * 10 + Int(d)
        }
        return value
    }

    /// Precision of an ISO timestamp that parsed.
    enum TimePrecision { case date, dateTime }

    /// ISO 8601: `2022-09-14`, `2022-09-14 10:21:14`, `2022-09-14T10:21:14Z`, `…+07:00`, `…-0500`,
    /// fractional seconds (dropped), minutes-only times. Returns Unix seconds (UTC). Offsets outside
    /// -12:00…+14:00, or with 60 minutes or more, make the value invalid.
    static func isoTimestamp(_ f: UnsafeRawBufferPointer) -> (seconds: Int64, precision: TimePrecision)? {
        let n = f.count
        guard n >= 10, f[4] == UInt8(ascii: "-"), f[7] == UInt8(ascii: "-"),
              let y = number(f, 0, 4), let m = number(f, 5, 2), let d = number(f, 8, 2),
              CivilTime.isValid(year: y, month: m, day: d) else { return nil }
        let days = CivilTime.days(year: y, month: m, day: d)
        if n == 10 { return (days * CivilTime.secondsPerDay, .date) }
        guard f[10] == UInt8(ascii: " ") || f[10] == UInt8(ascii: "T"), n >= 16,
              let hh = number(f, 11, 2), f[13] == UInt8(ascii: ":"), let mm = number(f, 14, 2),
              hh < 24, mm < 60 else { return nil }
        var i = 16
        var ss = 0
        if i < n, f[i] == UInt8(ascii: ":") {
            guard let s = number(f, i + 1, 2), s < 61 else { return nil }
            ss = s
            i += 3
            if i < n, f[i] == UInt8(ascii: ".") || f[i] == UInt8(ascii: ",") {
                i += 1
                let start = i
                while i < n, digit(f[i]) != nil { i += 1 }
                guard i > start else { return nil }
            }
        }
        var offset = 0
        if i < n {
            let b = f[i]
            if b == UInt8(ascii: "Z") || b == UInt8(ascii: "z") {
                i += 1
            } else if b == UInt8(ascii: "+") || b == UInt8(ascii: "-") {
                guard let oh = number(f, i + 1, 2) else { return nil }
                i += 3
                var om = 0
                if i < n, f[i] == UInt8(ascii: ":") { i += 1 }
                if i < n { guard let value = number(f, i, 2) else { return nil }; om = value; i += 2 }
                // Real offsets run from -12:00 to +14:00; `+99:99` is a bad value, not a 4-day shift.
                let east = b == UInt8(ascii: "+"), minutes = oh * 60 + om
                guard om < 60, minutes <= (east ? 14 * 60 : 12 * 60) else { return nil }
                offset = minutes * 60 * (east ? 1 : -1)
            } else if b == UInt8(ascii: " ") && i + 4 == n && f[i + 1] == UInt8(ascii: "U") {
                i = n  // " UTC"
            }
        }
        guard i == n else { return nil }
        let seconds = days * CivilTime.secondsPerDay + Int64(hh * 3600 + mm * 60 + ss) - Int64(offset)
        return (seconds, .dateTime)
    }

    /// Unix seconds of the common full form `YYYY-MM-DD HH:MM:SS` (or `T`, with an optional `Z`) for years
    /// 1900–2199; nil for every other shape, which `isoTimestamp` then handles. Most event files write
    /// every time this way, so this is the loader's path: the text is checked and split as three 8-byte
    /// words (no byte-by-byte branching), and the calendar comes from a table of month starts.
    @inline(__always)
    static func fullTimestamp(_ f: UnsafeRawBufferPointer, monthStarts: UnsafePointer<Int32> = MonthTable.starts) -> Int64? {
        let n = f.count
        guard n == 19 || (n == 20 && (f[19] | 0x20) == UInt8(ascii: "z")) else { return nil }
        // Little-endian words: byte i of the text is bits 8i..<8i+8.
        let date = f.loadUnaligned(fromByteOffset: 0, as: UInt64.self)   // YYYY-MM-
        let day = f.loadUnaligned(fromByteOffset: 8, as: UInt64.self)    // DD HH:MM
        let time = f.loadUnaligned(fromByteOffset: 11, as: UInt64.self)  // HH:MM:SS
        let separator = (day >> 16) & 0xFF
        guard date & 0xFF00_00FF_0000_0000 == 0x2D00_002D_0000_0000, time & 0x0000_FF00_00FF_0000 == 0x0000_3A00_003A_0000,
              separator == 0x20 || separator == 0x54,
              isDigits(date, 0x00F0_F000_F0F0_F0F0), isDigits(day, 0x0000_0000_0000_F0F0), isDigits(time, 0xF0F0_00F0_F000_F0F0)
        else { return nil }
        @inline(__always) func digit(_ word: UInt64, _ i: UInt64) -> Int { Int((word >> (8 * i)) & 0xF) }
        let year = digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3)
        let month = digit(date, 5) * 10 + digit(date, 6), dayOfMonth = digit(day, 0) * 10 + digit(day, 1)
        let hh = digit(time, 0) * 10 + digit(time, 1), mm = digit(time, 3) * 10 + digit(time, 4), ss = digit(time, 6) * 10 + digit(time, 7)
        let index = (year - MonthTable.firstYear) * 12 + month - 1
        guard month >= 1, month <= 12, index >= 0, index < MonthTable.months, hh < 24, mm < 60, ss < 61 else { return nil }
        let first = Int(monthStarts[index])
        guard dayOfMonth >= 1, dayOfMonth <= Int(monthStarts[index + 1]) - first else { return nil }
        return Int64(first + dayOfMonth - 1) * CivilTime.secondsPerDay + Int64(hh * 3600 + mm * 60 + ss)
    }

    /// Whether every byte selected by `mask` (0xF0 per selected byte) is an ASCII digit: its high nibble is 3,
    /// and stays 3 after adding 6 (so the low nibble is at most 9). Bytes with high nibble 3 cannot carry.
    @inline(__always)
    private static func isDigits(_ word: UInt64, _ mask: UInt64) -> Bool {
        let threes = mask & 0x3030_3030_3030_3030
        return word & mask == threes && (word &+ 0x0606_0606_0606_0606) & mask == threes
    }

    /// Day numbers of the first of each month, 1900-01 to 2200-01 (the last entry closes 2199-12).
    /// Allocated once and never freed, so the parser can hold a plain pointer to it (read-only after set-up).
    enum MonthTable {
        static let firstYear = 1900
        static let months = 300 * 12
        nonisolated(unsafe) static let starts: UnsafePointer<Int32> = {
            let table = UnsafeMutablePointer<Int32>.allocate(capacity: months + 1)
            for i in 0...months { table[i] = Int32(CivilTime.days(year: firstYear + i / 12, month: i % 12 + 1, day: 1)) }
            return UnsafePointer(table)
        }()
    }

    /// `20220914`: an 8-digit date with a plausible year (1900–2199).
    static func compactDate(_ f: UnsafeRawBufferPointer) -> Int64? {
        guard f.count == 8, let y = number(f, 0, 4), let m = number(f, 4, 2), let d = number(f, 6, 2),
              (1900...2199).contains(y), CivilTime.isValid(year: y, month: m, day: d) else { return nil }
        return CivilTime.days(year: y, month: m, day: d) * CivilTime.secondsPerDay
    }

    /// A timestamp written with a strftime-style pattern (`%d/%m/%Y %H:%M`): `%d %m %H %M %S` take one or
    /// two digits, `%Y` four, `%y` two (2000–2099); other characters must match exactly.
    static func patterned(_ f: UnsafeRawBufferPointer, pattern: [UInt8]) -> Int64? {
        var i = 0, p = 0
        var year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0
        while p < pattern.count {
            let c = pattern[p]
            if c == UInt8(ascii: "%"), p + 1 < pattern.count {
                let spec = pattern[p + 1]
                p += 2
                let maxWidth = spec == UInt8(ascii: "Y") ? 4 : 2
                let minWidth = spec == UInt8(ascii: "Y") || spec == UInt8(ascii: "y") ? maxWidth : 1
                var value = 0, width = 0
                while width < maxWidth, i < f.count, let d = digit(f[i]) { value = value * 10 + Int(d); i += 1; width += 1 }
                guard width >= minWidth else { return nil }
                switch spec {
                case UInt8(ascii: "Y"): year = value
                case UInt8(ascii: "y"): year = 2000 + value
                case UInt8(ascii: "m"): month = value
                case UInt8(ascii: "d"): day = value
                case UInt8(ascii: "H"): hour = value
                case UInt8(ascii: "M"): minute = value
                case UInt8(ascii: "S"): second = value
                default: return nil
                }
            } else {
                guard i < f.count, f[i] == c else { return nil }
                i += 1
                p += 1
            }
        }
        guard i == f.count, CivilTime.isValid(year: year, month: month, day: day),
              hour < 24, minute < 60, second < 61 else { return nil }
        return CivilTime.days(year: year, month: month, day: day) * CivilTime.secondsPerDay
            + Int64(hour * 3600 + minute * 60 + second)
    }

    /// Words that mean "no value" in typed (non-text) columns.
    static func isNullWord(_ f: UnsafeRawBufferPointer) -> Bool {
        switch f.count {
        case 2: return (f[0] | 0x20) == UInt8(ascii: "n") && (f[1] | 0x20) == UInt8(ascii: "a")
        case 3: return (f[0] | 0x20) == UInt8(ascii: "n") && f[1] == UInt8(ascii: "/") && (f[2] | 0x20) == UInt8(ascii: "a")
        case 4: return (f[0] | 0x20) == UInt8(ascii: "n") && (f[1] | 0x20) == UInt8(ascii: "u")
            && (f[2] | 0x20) == UInt8(ascii: "l") && (f[3] | 0x20) == UInt8(ascii: "l")
        default: return false
        }
    }
}
