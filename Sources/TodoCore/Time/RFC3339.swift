import Foundation

/// Reads and writes RFC 3339 timestamps (`2026-12-03T20:22:55.123Z`, `2026-12-03T21:22:55+01:00`).
///
/// Writing is hand-rolled date arithmetic because responses format hundreds of instants each;
/// reading accepts exactly the RFC 3339 `date-time` production: an offset is required.
public enum RFC3339 {
    /// Formats `date` at millisecond precision, in UTC (`Z`) or at a fixed offset from it.
    public static func format(_ date: Date, offsetSeconds: Int = 0) -> String {
        let totalMillis = date.millisecondsSince1970 + Int64(offsetSeconds) * 1000
        let days = Int(totalMillis >= 0 ? totalMillis / 86_400_000 : (totalMillis - 86_399_999) / 86_400_000)
        let millisOfDay = Int(totalMillis - Int64(days) * 86_400_000)
        let (year, month, day) = CivilCalendar.civil(fromDays: days)
        let hour = millisOfDay / 3_600_000
        let minute = millisOfDay / 60_000 % 60
        let second = millisOfDay / 1000 % 60
        let millis = millisOfDay % 1000

        // One allocation for the whole text: a page of tasks formats hundreds of these. Years
        // past 9999 (which no task has) take more digits, as they always did.
        return String(unsafeUninitializedCapacity: 40) { buffer in
            var index = 0
            func put(_ character: Unicode.Scalar) {
                buffer[index] = UInt8(ascii: character)
                index += 1
            }
            func put(_ number: Int, width: Int) {
                if number < 0 { put("-") }
                var value = number.magnitude
                var digits = 1
                var rest = value / 10
                while rest > 0 {
                    digits += 1
                    rest /= 10
                }
                let count = max(width, digits)
                for position in stride(from: index + count - 1, through: index, by: -1) {
                    buffer[position] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
                index += count
            }

            put(year, width: 4)
            put("-")
            put(month, width: 2)
            put("-")
            put(day, width: 2)
            put("T")
            put(hour, width: 2)
            put(":")
            put(minute, width: 2)
            put(":")
            put(second, width: 2)
            if millis != 0 {
                put(".")
                put(millis, width: 3)
            }
            if offsetSeconds == 0 {
                put("Z")
            } else {
                let magnitude = abs(offsetSeconds) / 60
                put(offsetSeconds < 0 ? "-" : "+")
                put(magnitude / 60, width: 2)
                put(":")
                put(magnitude % 60, width: 2)
            }
            return index
        }
    }

    /// Formats `date` with the offset that `timeZone` has at that instant.
    public static func format(_ date: Date, in timeZone: TimeZone) -> String {
        format(date, offsetSeconds: timeZone.secondsFromGMT(for: date))
    }

    /// Parses an RFC 3339 date-time; fractional seconds beyond milliseconds are truncated.
    /// Returns nil for anything else, including a missing offset or an impossible date.
    public static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t") || bytes[10] == UInt8(ascii: " "),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            let year = Digits.parse(bytes[0..<4]), let month = Digits.parse(bytes[5..<7]),
            let day = Digits.parse(bytes[8..<10]), CalendarDate(year: year, month: month, day: day) != nil,
            let hour = Digits.parse(bytes[11..<13]), let minute = Digits.parse(bytes[14..<16]),
            let second = Digits.parse(bytes[17..<19]), hour < 24, minute < 60, second < 61
        else { return nil }

        var index = 19
        var millis = 0
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                index += 1
            }
            guard index > start else { return nil }
            let fraction = bytes[start..<min(index, start + 3)]
            millis = Digits.parse(fraction)! * [100, 10, 1][fraction.count - 1]
        }

        guard let offset = parseOffset(bytes[index...]) else { return nil }
        let days = Int64(CivilCalendar.days(year: year, month: month, day: day))
        let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + min(second, 59)) - Int64(offset)
        // An offset can push a date at the edge of the four-digit years out of them; such an
        // instant could not be written back in this format.
        guard (supportedSeconds).contains(seconds) else { return nil }
        return Date(millisecondsSince1970: seconds * 1000 + Int64(millis))
    }

    /// 0001-01-01T00:00:00Z through 9999-12-31T23:59:59Z, in seconds since the Unix epoch.
    static let supportedSeconds: ClosedRange<Int64> =
        Int64(CivilCalendar.days(year: 1, month: 1, day: 1)) * 86_400...Int64(
            CivilCalendar.days(year: 9999, month: 12, day: 31)) * 86_400 + 86_399

    private static func parseOffset(_ bytes: ArraySlice<UInt8>) -> Int? {
        if bytes.count == 1, bytes.first == UInt8(ascii: "Z") || bytes.first == UInt8(ascii: "z") { return 0 }
        let start = bytes.startIndex
        guard bytes.count == 6, bytes[start] == UInt8(ascii: "+") || bytes[start] == UInt8(ascii: "-"),
            bytes[start + 3] == UInt8(ascii: ":"),
            let hours = Digits.parse(bytes[(start + 1)..<(start + 3)]),
            let minutes = Digits.parse(bytes[(start + 4)..<(start + 6)]), hours < 24, minutes < 60
        else { return nil }
        let magnitude = hours * 3600 + minutes * 60
        return bytes[start] == UInt8(ascii: "-") ? -magnitude : magnitude
    }
}
