import CICal
import Foundation
import Synchronization

/// The one gate into libical: every call runs inside ``withLock(_:)``, because libical keeps its
/// error state (`icalerrno`) and its string ring buffers process-wide.
///
/// Times cross the boundary as floating `icaltimetype`s (no zone): expansion happens on the wall
/// clock, and only ``ScheduledTime/due(in:)`` turns an occurrence into an instant.
///
/// Lifetimes: in libical 3, `icalrecurrencetype` is a plain struct of fixed arrays, copied by value
/// and never freed; the one heap handle is the iterator, owned by ``RecurrenceIterator``. Strings
/// libical allocates (`icalrecurrencetype_as_string_r`) are freed by the caller at once.
///
/// The lock is not reentrant: nothing called inside it may call ``withLock(_:)`` again. A rule that
/// matches no date makes libical search for most of a second under it; such rules are refused when
/// a task is saved, so only validation pays that.
public enum LibICal {
    private static let lock = Mutex(())

    static func withLock<T>(_ body: () throws -> T) rethrows -> T {
        try lock.withLock { _ in try body() }
    }

    /// A floating libical time for `time`: a DATE for an all-day occurrence.
    static func icalTime(_ time: ScheduledTime) -> icaltimetype {
        var value = icaltime_null_time()
        let date = time.date
        value.year = Int32(date.year)
        value.month = Int32(date.month)
        value.day = Int32(date.day)
        switch time {
        case .allDay:
            value.is_date = 1
        case .timed(let local):
            value.hour = Int32(local.hour)
            value.minute = Int32(local.minute)
            value.second = Int32(local.second)
        }
        return value
    }

    /// The occurrence a libical time names; nil for the null time that ends an iteration, and for
    /// dates outside what ``CalendarDate`` holds.
    static func scheduledTime(_ value: icaltimetype) -> ScheduledTime? {
        guard icaltime_is_null_time(value) == 0,
            let date = CalendarDate(year: Int(value.year), month: Int(value.month), day: Int(value.day))
        else { return nil }
        if value.is_date != 0 { return .allDay(date) }

        guard
            let time = LocalDateTime(
                date: date, hour: Int(value.hour), minute: Int(value.minute), second: Int(value.second))
        else { return nil }
        return .timed(time)
    }

    /// The time `value` shows on clocks in `timeZone`: UTC times are converted, floating ones kept.
    static func wallClock(_ value: icaltimetype, in timeZone: TimeZone) -> ScheduledTime? {
        guard icaltime_is_utc(value) != 0, value.is_date == 0 else { return scheduledTime(value) }

        var utc = value
        utc.zone = nil
        guard case .timed(let time) = scheduledTime(utc) else { return nil }
        let instant = Date(timeIntervalSince1970: TimeInterval(time.secondsSinceEpoch))
        return .timed(LocalDateTime.of(instant, in: timeZone))
    }
}

extension LibICal {
    /// The libical release this build was compiled against.
    public static var version: String { ICAL_VERSION }
}
