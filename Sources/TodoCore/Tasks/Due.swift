import Foundation

/// When a task is due: at an instant, or on a calendar day in the owner's timezone (all-day).
public enum Due: Sendable, Hashable {
    case instant(Date)
    case allDay(CalendarDate)

    /// The instant used to sort, filter and decide "overdue". An all-day task is due by the end of
    /// its day in the owner's timezone: this is the first instant of the next day, so a task due
    /// today is not overdue until the day is over.
    public func deadline(in timeZone: TimeZone) -> Date {
        switch self {
        case .instant(let date): date
        case .allDay(let day): day.next.startInstant(in: timeZone)
        }
    }
}
