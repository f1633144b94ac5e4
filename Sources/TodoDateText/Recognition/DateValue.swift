import Foundation
import TodoCore

/// What a date or time phrase means, read against a ``DateContext``.
public enum DateValue: Sendable, Equatable {
    /// A calendar day with no time: "tomorrow", "March 3rd", "in 3 days".
    case day(CalendarDate)
    /// An exact instant: "tomorrow at 5pm", "in 2 hours", "tonight".
    case instant(Date)
    /// A time of day with no day named ("at 5pm", "noon"): its day is up to the reader, usually
    /// the next time the clock shows it (``DateContext/nextOccurrence(of:)``).
    case time(LocalTime)
    /// A span of days: "this week", "next month", "this weekend".
    case period(DatePeriod)
    /// Something meant as a date that is not one ("February 30th", "25 o'clock") or too vague to
    /// act on ("later", "sometime"); `reason` says which, in words for the user.
    case unclear(reason: String)

    /// The calendar day this value falls on in `context`'s timezone, if it names one.
    public func day(in context: DateContext) -> CalendarDate? {
        switch self {
        case .day(let day): day
        case .instant(let instant): CalendarDate.of(instant, in: context.timeZone)
        case .time(let time): CalendarDate.of(context.nextOccurrence(of: time), in: context.timeZone)
        case .period(let period): period.dueDay
        case .unclear: nil
        }
    }
}
