import Foundation
import TodoCore

/// Says dates and times the way a reply should: "today", "tomorrow at 5 PM", "Friday",
/// "Tue, Mar 10 at 9:30 AM", "Mar 3, 2027".
public struct DateDescriber: Sendable {
    public let context: DateContext

    public init(context: DateContext) {
        self.context = context
    }

    /// A calendar day relative to today.
    public func describe(_ day: CalendarDate) -> String {
        let today = context.today
        let distance = today.days(until: day)
        switch distance {
        case 0: return "today"
        case 1: return "tomorrow"
        case -1: return "yesterday"
        case 2...6: return day.weekday.name
        default:
            let month = String(CalendarWords.monthNames[day.month - 1].prefix(3))
            let weekday = String(day.weekday.name.prefix(3))
            let text = "\(weekday), \(month) \(day.day)"
            return day.year == today.year ? text : "\(month) \(day.day), \(day.year)"
        }
    }

    /// An instant as its local day and time.
    public func describe(_ instant: Date) -> String {
        let day = CalendarDate.of(instant, in: context.timeZone)
        let time = WallClock.localTime(of: instant, in: context.timeZone)
        return describe(day) + " at " + Self.describe(time)
    }

    /// When a task is due.
    public func describe(_ due: Due) -> String {
        switch due {
        case .allDay(let day): describe(day)
        case .instant(let instant): describe(instant)
        }
    }

    /// "9 AM", "5:30 PM", "noon", "midnight".
    public static func describe(_ time: LocalTime) -> String {
        if time.hour == 12, time.minute == 0 { return "noon" }
        if time.hour == 0, time.minute == 0 { return "midnight" }
        let hour = time.hour % 12 == 0 ? 12 : time.hour % 12
        let suffix = time.hour < 12 ? "AM" : "PM"
        let minutes = time.minute == 0 ? "" : ":" + (time.minute < 10 ? "0" : "") + String(time.minute)
        return "\(hour)\(minutes) \(suffix)"
    }
}
