import TodoCore

/// A span of calendar days, both ends included, with the day a task "due" in it is due on.
public struct DatePeriod: Sendable, Equatable {
    public let first: CalendarDate
    public let last: CalendarDate
    /// Where a task added "this week" or "next month" is due: see ``DateRecognizer``.
    public let dueDay: CalendarDate

    public init(first: CalendarDate, last: CalendarDate, dueDay: CalendarDate) {
        self.first = first
        self.last = last
        self.dueDay = dueDay
    }
}
