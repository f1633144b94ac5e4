import Foundation

/// When one occurrence of a repeating task falls, in its owner's wall-clock time: on a calendar
/// day (all-day tasks) or at a date and time of day. Expansion works on these, never on instants,
/// so a task due at 09:00 stays at 09:00 local across daylight saving changes.
public enum ScheduledTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    case allDay(CalendarDate)
    case timed(LocalDateTime)

    /// The wall-clock form of `due` in `timeZone`.
    public static func of(_ due: Due, in timeZone: TimeZone) -> ScheduledTime {
        switch due {
        case .allDay(let day): .allDay(day)
        case .instant(let instant): .timed(LocalDateTime.of(instant, in: timeZone))
        }
    }

    /// Reads ``description``'s form back: `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS`.
    public init?(_ text: String) {
        if let day = CalendarDate(text) {
            self = .allDay(day)
        } else if let time = LocalDateTime(text) {
            self = .timed(time)
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .allDay(let day): day.description
        case .timed(let time): time.description
        }
    }

    public var date: CalendarDate {
        switch self {
        case .allDay(let day): day
        case .timed(let time): time.date
        }
    }

    public var isAllDay: Bool {
        if case .allDay = self { return true }
        return false
    }

    /// The task's due value for this occurrence, in `timeZone` (see ``LocalDateTime`` for the
    /// hours daylight saving time skips or repeats).
    public func due(in timeZone: TimeZone) -> Due {
        switch self {
        case .allDay(let day): .allDay(day)
        case .timed(let time): .instant(time.instant(in: timeZone))
        }
    }

    /// When this occurrence becomes overdue: its instant, or the end of its day.
    public func deadline(in timeZone: TimeZone) -> Date {
        due(in: timeZone).deadline(in: timeZone)
    }

    /// Orders by wall-clock time; an all-day occurrence sorts at the end of its day, so a timed
    /// occurrence on the same day comes before it.
    public static func < (lhs: ScheduledTime, rhs: ScheduledTime) -> Bool {
        lhs.sortKey < rhs.sortKey
    }

    private var sortKey: (Int64, Int) {
        switch self {
        case .allDay(let day): (Int64(day.daysSinceEpoch) * 86_400 + 86_399, 1)
        case .timed(let time): (time.secondsSinceEpoch, 0)
        }
    }

    /// The same kind of occurrence on another day, at the same time of day.
    public func moved(to day: CalendarDate) -> ScheduledTime {
        switch self {
        case .allDay: .allDay(day)
        case .timed(let time): .timed(time.on(day))
        }
    }

    /// This time in the form of `kind`: a timed occurrence keeps its date when made all-day; an
    /// all-day one takes the time of day of `kind` when made timed.
    func matching(_ kind: ScheduledTime) -> ScheduledTime {
        switch (self, kind) {
        case (.timed(let time), .allDay): .allDay(time.date)
        case (.allDay(let day), .timed(let time)): .timed(time.on(day))
        default: self
        }
    }
}
