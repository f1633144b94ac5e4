import Foundation

/// A date and time of day as shown on a wall clock, with no zone (RFC 5545's "floating" time), to
/// the second: what a repeating task keeps constant from one occurrence to the next.
///
/// Turning one into an instant follows RFC 5545 (section 3.3.5), the one policy every part of the
/// product applies to the hours daylight saving time skips or repeats:
/// - a time that does not exist (in the spring gap, such as 02:30 on 2026-03-08 in New York) is
///   read with the UTC offset in force before the gap, which moves it forward by the gap's length
///   (02:30 becomes 03:30 EDT);
/// - a time that happens twice (in the autumn overlap, such as 02:30 on 2026-10-25 in Berlin) means
///   its first occurrence (02:30 CEST, before the clocks go back).
public struct LocalDateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let date: CalendarDate
    public let hour: Int
    public let minute: Int
    public let second: Int

    public init?(date: CalendarDate, hour: Int, minute: Int, second: Int = 0) {
        guard (0..<24).contains(hour), (0..<60).contains(minute), (0..<60).contains(second) else { return nil }
        self.date = date
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// Parses exactly `YYYY-MM-DDTHH:MM:SS`.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 19, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
            bytes[16] == UInt8(ascii: ":"), let date = CalendarDate(String(decoding: bytes[0..<10], as: UTF8.self)),
            let hour = Digits.parse(bytes[11..<13]), let minute = Digits.parse(bytes[14..<16]),
            let second = Digits.parse(bytes[17..<19])
        else { return nil }
        self.init(date: date, hour: hour, minute: minute, second: second)
    }

    public var description: String {
        date.description + "T" + Digits.pad(hour, 2) + ":" + Digits.pad(minute, 2) + ":" + Digits.pad(second, 2)
    }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        lhs.secondsSinceEpoch < rhs.secondsSinceEpoch
    }

    /// The same time of day on another date.
    public func on(_ other: CalendarDate) -> LocalDateTime {
        LocalDateTime(date: other, hour: hour, minute: minute, second: second)!
    }

    /// Seconds since 1970-01-01T00:00:00 on the same wall clock, ignoring any zone.
    var secondsSinceEpoch: Int64 {
        Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    /// The wall-clock time of `instant` in `timeZone`, with the fraction of a second dropped.
    public static func of(_ instant: Date, in timeZone: TimeZone) -> LocalDateTime {
        let seconds = Int64(instant.timeIntervalSince1970.rounded(.down))
        let local = seconds + Int64(timeZone.secondsFromGMT(for: instant))
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secondOfDay = Int(local - days * 86_400)
        let civil = CivilCalendar.civil(fromDays: Int(days))
        return LocalDateTime(
            date: CalendarDate(year: civil.year, month: civil.month, day: civil.day)!, hour: secondOfDay / 3600,
            minute: secondOfDay / 60 % 60, second: secondOfDay % 60)!
    }

    /// The instant this wall-clock time shows in `timeZone`, by the policy above.
    public func instant(in timeZone: TimeZone) -> Date {
        let local = secondsSinceEpoch

        // The offsets a day either side; the policy assumes at most one transition lies between.
        let before = Self.offset(at: local - 86_400, in: timeZone)
        let after = Self.offset(at: local + 86_400, in: timeZone)
        let consistent = Set([before, after]).map { local - $0 }.filter { instant in
            Self.offset(at: instant, in: timeZone) == local - instant
        }
        // Both consistent: an overlap, and the earlier instant is the first occurrence.
        if let first = consistent.min() { return Date(timeIntervalSince1970: TimeInterval(first)) }

        // None consistent: a gap, read with the offset before it.
        return Date(timeIntervalSince1970: TimeInterval(local - before))
    }

    private static func offset(at seconds: Int64, in timeZone: TimeZone) -> Int64 {
        Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds))))
    }
}
