import SiklusTime
/// Parsers for the text format PostgreSQL sends result values in (with `DateStyle ISO`, `TimeZone UTC`,
/// `extra_float_digits 3`), reading the bytes libpq hands back without building a `String` or a
/// Foundation formatter per cell. Each returns nil for text it does not recognise; the caller turns that
/// into an error naming the column and row.
enum PostgresTextValue {
    /// `int2`/`int4`/`int8` text: an optional `-` and decimal digits.
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        var i = 0
        let negative = bytes.count > 0 && bytes[0] == UInt8(ascii: "-")
        if negative { i = 1 }
        guard i < bytes.count else { return nil }
        // Accumulate negatively so Int64.min (-9223372036854775808) parses without overflow.
        var value: Int64 = 0
        while i < bytes.count {
            let d = bytes[i] &- UInt8(ascii: "0")
            guard d < 10 else { return nil }
            let (shifted, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = shifted.subtractingReportingOverflow(Int64(d))
            guard !o1, !o2 else { return nil }
            value = next
            i += 1
        }
        if negative { return value }
        return value == .min ? nil : -value
    }

    /// `float4`/`float8`/`numeric` text: digits, `NaN`, `Infinity`, `-Infinity`. A finite `numeric` too
    /// large for a double is nil (an error), never a silent infinity.
    static func number(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        // Swift's parser is exact (correctly rounded) and ignores the C locale the shell sets.
        guard let value = Double(String(decoding: bytes, as: UTF8.self)) else { return nil }
        if value.isInfinite, !bytes.contains(UInt8(ascii: "I")), !bytes.contains(UInt8(ascii: "i")) { return nil }
        return value
    }

    /// `bool` text: `t` or `f`.
    static func boolean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard bytes.count == 1 else { return nil }
        switch bytes[0] {
        case UInt8(ascii: "t"): return true
        case UInt8(ascii: "f"): return false
        default: return nil
        }
    }

    /// Why a timestamp text has no Unix time.
    enum TimestampFailure: Error, Equatable {
        /// `infinity` or `-infinity`.
        case infinite
        case malformed
    }

    /// `date`, `timestamp` and `timestamptz` in ISO style: `2023-01-02`, `2023-01-02 10:00:00`,
    /// `…10:00:00.123456`, `…+00`, `…+05:30`, `…-03:00:15`, a year of 4 or more digits, ` BC`.
    /// Fractional seconds are dropped, which truncates toward minus infinity (the fraction only ever adds
    /// to the time), as the store's loader does. Returns Unix seconds, UTC.
    static func timestamp(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<Int64, TimestampFailure> {
        let n = bytes.count
        if n > 0, bytes[0] == UInt8(ascii: "i") || bytes[0] == UInt8(ascii: "-") { return .failure(.infinite) }
        var i = 0
        func digits(_ minCount: Int, _ maxCount: Int) -> Int64? {
            let start = i
            var value: Int64 = 0
            while i < n, i - start < maxCount, bytes[i] &- UInt8(ascii: "0") < 10 {
                value = value * 10 + Int64(bytes[i] &- UInt8(ascii: "0"))
                i += 1
            }
            return i - start >= minCount ? value : nil
        }
        func skip(_ byte: UInt8) -> Bool {
            guard i < n, bytes[i] == byte else { return false }
            i += 1
            return true
        }
        guard var year = digits(4, 9), skip(UInt8(ascii: "-")), let month = digits(2, 2), skip(UInt8(ascii: "-")), let day = digits(2, 2),
              (1...12).contains(month), day >= 1 else { return .failure(.malformed) }
        var seconds: Int64 = 0
        if skip(UInt8(ascii: " ")), i < n, bytes[i] != UInt8(ascii: "B") {
            guard let hh = digits(2, 2), skip(UInt8(ascii: ":")), let mm = digits(2, 2), skip(UInt8(ascii: ":")), let ss = digits(2, 2),
                  hh < 24, mm < 60, ss < 61 else { return .failure(.malformed) }
            seconds = hh * 3600 + mm * 60 + ss
            if skip(UInt8(ascii: ".")) { guard digits(1, 9) != nil else { return .failure(.malformed) } }
            if i < n, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") {
                let west = bytes[i] == UInt8(ascii: "-")
                i += 1
                guard let oh = digits(2, 2) else { return .failure(.malformed) }
                var offset = oh * 3600
                if skip(UInt8(ascii: ":")) { guard let om = digits(2, 2) else { return .failure(.malformed) }; offset += om * 60 }
                if skip(UInt8(ascii: ":")) { guard let os = digits(2, 2) else { return .failure(.malformed) }; offset += os }
                seconds += west ? offset : -offset
            }
            _ = skip(UInt8(ascii: " "))
        }
        if i < n {
            // ` BC`: year 1 BC is astronomical year 0.
            guard i + 2 == n, bytes[i] == UInt8(ascii: "B"), bytes[i + 1] == UInt8(ascii: "C") else { return .failure(.malformed) }
            year = 1 - year
            i = n
        }
        guard day <= CivilTime.daysInMonth(year: Int(year), month: Int(month)) else { return .failure(.malformed) }
        return .success(CivilTime.days(year: Int(year), month: Int(month), day: Int(day)) * 86_400 + seconds)
    }
}
