import TodoCore

extension CalendarDate {
    /// The day of the week, by the proleptic Gregorian calendar (1970-01-01 was a Thursday).
    public var weekday: Weekday {
        let index = ((daysSinceEpoch % 7) + 7 + 3) % 7
        return Weekday(rawValue: index)!
    }

    /// The Monday that starts this date's week.
    public var startOfWeek: CalendarDate {
        adding(days: -weekday.rawValue) ?? self
    }

    /// The first `weekday` after this date; with `includingSelf`, this date when it is one.
    public func next(_ target: Weekday, includingSelf: Bool = false) -> CalendarDate {
        var distance = (target.rawValue - weekday.rawValue + 7) % 7
        if distance == 0, !includingSelf { distance = 7 }
        return adding(days: distance) ?? self
    }

    /// How many days this date's month has.
    public var daysInMonth: Int {
        CalendarDate.daysIn(month: month, year: year)
    }

    /// The first day of this date's month.
    public var firstOfMonth: CalendarDate {
        CalendarDate(year: year, month: month, day: 1)!
    }

    /// The last day of this date's month.
    public var lastOfMonth: CalendarDate {
        CalendarDate(year: year, month: month, day: daysInMonth)!
    }

    /// The first day of the month `count` months after this one (before, when negative).
    public func firstOfMonth(adding count: Int) -> CalendarDate? {
        let index = year * 12 + (month - 1) + count
        return CalendarDate(year: index / 12, month: index % 12 + 1, day: 1)
    }

    /// The same day of the month `count` months later, or that month's last day when it is
    /// shorter (January 31st plus one month is February 28th or 29th).
    public func adding(months count: Int) -> CalendarDate? {
        guard let first = firstOfMonth(adding: count) else { return nil }
        return CalendarDate(year: first.year, month: first.month, day: min(day, first.daysInMonth))
    }

    /// The number of days from this date to `other` (negative when `other` is earlier).
    public func days(until other: CalendarDate) -> Int {
        other.daysSinceEpoch - daysSinceEpoch
    }

    /// The days in a month of a year, counting leap years.
    public static func daysIn(month: Int, year: Int) -> Int {
        for day in stride(from: 31, through: 28, by: -1) where CalendarDate(year: year, month: month, day: day) != nil {
            return day
        }
        return 28
    }

    /// The `ordinal`-th `weekday` of a month (1 is the first, -1 the last), if the month has one.
    public static func nth(
        _ ordinal: Int, _ weekday: Weekday, month: Int, year: Int
    ) -> CalendarDate? {
        guard let first = CalendarDate(year: year, month: month, day: 1) else { return nil }
        if ordinal > 0 {
            let day = first.next(weekday, includingSelf: true).day + (ordinal - 1) * 7
            return CalendarDate(year: year, month: month, day: day)
        }
        let last = first.lastOfMonth
        let distance = (last.weekday.rawValue - weekday.rawValue + 7) % 7
        let day = last.day - distance + (ordinal + 1) * 7
        return day >= 1 ? CalendarDate(year: year, month: month, day: day) : nil
    }
}
