import Foundation
import TodoCore
import TodoDateText

/// Turns what was read from a message into tool arguments: due dates as `due_date` or `due_at`,
/// repeats as RRULEs, reminders as `{"minutes_before"}` or `{"at"}`.
struct TaskArguments {
    let dates: DateContext

    /// The time of day a reminder on an all-day task fires when none was given.
    static let allDayReminderTime = LocalTime(hour: 9, minute: 0)!

    /// When a task is due, from the date words and the repeat. A repeating task is due on its
    /// first occurrence on or after the date given (or today), at the time given or implied
    /// ("every morning" is 09:00); an occurrence whose time has passed today moves on.
    func due(_ value: DateValue?, recurrence: RecurrencePattern?, keepingTimeOf current: Due? = nil) -> Due? {
        guard let recurrence else { return plainDue(value, keepingTimeOf: current) }

        var start = dates.today
        var time = recurrence.partOfDay?.defaultTime
        switch value {
        case .day(let day): start = day
        case .period(let period): start = period.dueDay
        case .instant(let instant):
            start = CalendarDate.of(instant, in: dates.timeZone)
            time = WallClock.localTime(of: instant, in: dates.timeZone)
        case .time(let clock): time = clock
        case .unclear, nil: break
        }
        if time == nil, case .instant(let instant) = current {
            time = WallClock.localTime(of: instant, in: dates.timeZone)
        }
        guard var day = recurrence.firstDay(onOrAfter: start) else { return nil }
        guard let time else { return .allDay(day) }
        if dates.instant(day, time) <= dates.now, let later = recurrence.firstDay(onOrAfter: day.next) {
            day = later
        }
        return .instant(dates.instant(day, time))
    }

    /// A due date from date words alone. A bare time is its next occurrence; a new day for a task
    /// due at a time keeps that time ("move the meeting to Friday").
    func plainDue(_ value: DateValue?, keepingTimeOf current: Due? = nil) -> Due? {
        let keptTime: LocalTime? = {
            if case .instant(let instant) = current { return WallClock.localTime(of: instant, in: dates.timeZone) }
            return nil
        }()
        switch value {
        case .day(let day):
            return keptTime.map { .instant(dates.instant(day, $0)) } ?? .allDay(day)
        case .period(let period):
            return keptTime.map { .instant(dates.instant(period.dueDay, $0)) } ?? .allDay(period.dueDay)
        case .instant(let instant):
            return .instant(instant)
        case .time(let time):
            if let current, case .allDay(let day) = current, day >= dates.today {
                return .instant(dates.instant(day, time))
            }
            if case .instant(let instant) = current, instant > dates.now {
                return .instant(dates.instant(CalendarDate.of(instant, in: dates.timeZone), time))
            }
            return .instant(dates.nextOccurrence(of: time))
        case .unclear, nil:
            return nil
        }
    }

    /// Writes `due` into `members` as `due_at` (at the user's offset) or `due_date`.
    func write(_ due: Due, into members: inout [String: JSONValue]) {
        switch due {
        case .allDay(let day): members["due_date"] = .string(day.description)
        case .instant(let instant): members["due_at"] = .string(RFC3339.format(instant, in: dates.timeZone))
        }
    }

    /// A reminder as a tool argument; a reminder at a bare time fires on the due day when there
    /// is one (today or later), else at the next occurrence; at a bare day, at 09:00.
    func reminder(_ request: ReminderRequest, due: Due?) -> JSONValue? {
        switch request {
        case .before(let minutes):
            return .object(["minutes_before": .number(Double(minutes))])
        case .at(let value):
            guard let instant = reminderInstant(value, due: due) else { return nil }
            return .object(["at": .string(RFC3339.format(instant, in: dates.timeZone))])
        }
    }

    func reminderInstant(_ value: DateValue, due: Due?) -> Date? {
        switch value {
        case .instant(let instant): return instant
        case .day(let day): return dates.instant(day, Self.allDayReminderTime)
        case .period(let period): return dates.instant(period.dueDay, Self.allDayReminderTime)
        case .time(let time):
            if let dueDay = due.map(dueDay), dueDay >= dates.today {
                let candidate = dates.instant(dueDay, time)
                if candidate > dates.now { return candidate }
            }
            return dates.nextOccurrence(of: time)
        case .unclear: return nil
        }
    }

    /// The reminder "remind me to ..." adds: when the task is due, or at 09:00 on an all-day
    /// task's day. None when that time has passed.
    func defaultReminder(for due: Due?) -> JSONValue? {
        switch due {
        case .instant: return .object(["minutes_before": 0])
        case .allDay(let day):
            let instant = dates.instant(day, Self.allDayReminderTime)
            guard instant > dates.now else { return nil }
            return .object(["at": .string(RFC3339.format(instant, in: dates.timeZone))])
        case nil: return nil
        }
    }

    func dueDay(_ due: Due) -> CalendarDate {
        switch due {
        case .allDay(let day): day
        case .instant(let instant): CalendarDate.of(instant, in: dates.timeZone)
        }
    }
}
