import Foundation
import TodoCore

/// Converts between wall-clock times in a timezone and instants, to the minute, by
/// ``LocalDateTime``'s policy for the hours daylight saving time skips or repeats (RFC 5545's, so
/// that the chat engine, recurrence and quiet hours agree):
/// - a time that does not exist (in the spring gap, such as 02:30 on 2026-03-08 in New York) is
///   read with the offset in force before the gap, which moves it forward by the gap's length
///   (02:30 becomes 03:30 EDT);
/// - a time that happens twice (in the autumn overlap) means its first occurrence.
public enum WallClock {
    /// The instant at which `time` on `day` is shown on clocks in `timeZone`.
    public static func instant(_ day: CalendarDate, _ time: LocalTime, in timeZone: TimeZone) -> Date {
        LocalDateTime(date: day, hour: time.hour, minute: time.minute)!.instant(in: timeZone)
    }

    /// The wall-clock time of `instant` in `timeZone`, to the minute.
    public static func localTime(of instant: Date, in timeZone: TimeZone) -> LocalTime {
        let local = LocalDateTime.of(instant, in: timeZone)
        return LocalTime(hour: local.hour, minute: local.minute)!
    }
}
