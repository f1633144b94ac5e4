import Foundation
import TodoCore

/// Converts between wall-clock times in a timezone and instants, with one policy for the hours
/// that daylight saving time skips or repeats.
///
/// The policy is RFC 5545's (section 3.3.5), so that the chat engine and recurrence agree:
/// - a time that does not exist (in the spring gap, such as 02:30 on 2026-03-08 in New York) is
///   read with the offset in force before the gap, which moves it forward by the gap's length
///   (02:30 becomes 03:30 EDT);
/// - a time that happens twice (in the autumn overlap) means its first occurrence.
public enum WallClock {
    /// The instant at which `time` on `day` is shown on clocks in `timeZone`.
    public static func instant(_ day: CalendarDate, _ time: LocalTime, in timeZone: TimeZone) -> Date {
        let local = Int64(day.daysSinceEpoch) * 86_400 + Int64(time.hour * 3600 + time.minute * 60)

        // The offsets a day either side: at most one transition lies between them.
        let before = offset(of: local - 86_400, in: timeZone)
        let after = offset(of: local + 86_400, in: timeZone)
        let consistent = Set([before, after]).map { local - Int64($0) }.filter { instant in
            offset(of: instant, in: timeZone) == local - instant
        }
        if let first = consistent.min() { return seconds(first) }

        // In a gap: no offset gives this wall time back.
        return seconds(local - Int64(before))
    }

    /// The wall-clock time of `instant` in `timeZone`, to the minute.
    public static func localTime(of instant: Date, in timeZone: TimeZone) -> LocalTime {
        let local = Int64(instant.timeIntervalSince1970.rounded(.down)) + Int64(timeZone.secondsFromGMT(for: instant))
        let secondOfDay = Int(((local % 86_400) + 86_400) % 86_400)
        return LocalTime(hour: secondOfDay / 3600, minute: secondOfDay / 60 % 60)!
    }

    private static func offset(of instant: Int64, in timeZone: TimeZone) -> Int {
        timeZone.secondsFromGMT(for: seconds(instant))
    }

    private static func seconds(_ value: Int64) -> Date {
        Date(timeIntervalSince1970: TimeInterval(value))
    }
}
