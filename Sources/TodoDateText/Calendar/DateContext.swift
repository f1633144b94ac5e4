import Foundation
import TodoCore

/// What relative phrases are read against: the current instant and the user's IANA timezone.
/// "Tomorrow at 9" is 09:00 on the next calendar day in `timeZone`, whatever the UTC offset is then.
public struct DateContext: Sendable {
    public let now: Date
    public let timeZone: TimeZone

    public init(now: Date, timeZone: TimeZone) {
        self.now = now
        self.timeZone = timeZone
    }

    /// The calendar day it is now in the user's timezone.
    public var today: CalendarDate {
        CalendarDate.of(now, in: timeZone)
    }

    /// The wall-clock time it is now in the user's timezone.
    public var timeOfDay: LocalTime {
        WallClock.localTime(of: now, in: timeZone)
    }

    /// The instant of `time` on `day`, by the ``WallClock`` policy for DST gaps and overlaps.
    public func instant(_ day: CalendarDate, _ time: LocalTime) -> Date {
        WallClock.instant(day, time, in: timeZone)
    }

    /// The next time the clock shows `time`: today if that is still ahead, otherwise tomorrow.
    public func nextOccurrence(of time: LocalTime) -> Date {
        let candidate = instant(today, time)
        if candidate > now { return candidate }
        return instant(today.next, time)
    }

    /// The first instant of `day`, for range filters.
    public func start(of day: CalendarDate) -> Date {
        day.startInstant(in: timeZone)
    }
}
