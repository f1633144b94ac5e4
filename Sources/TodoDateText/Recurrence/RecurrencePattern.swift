import TodoCore

/// A repeat schedule read from English ("every other Monday"), as the parts of an RFC 5545 RRULE.
public struct RecurrencePattern: Sendable, Equatable {
    public enum Frequency: String, Sendable {
        case daily = "DAILY"
        case weekly = "WEEKLY"
        case monthly = "MONTHLY"
        case yearly = "YEARLY"
    }

    /// A weekday within a month: the 1st Monday (1), the last Friday (-1).
    public struct NthWeekday: Sendable, Equatable {
        public let ordinal: Int
        public let weekday: Weekday

        public init(_ ordinal: Int, _ weekday: Weekday) {
            self.ordinal = ordinal
            self.weekday = weekday
        }
    }

    public var frequency: Frequency
    public var interval: Int = 1
    /// `BYDAY` without ordinals (weekly rules).
    public var weekdays: [Weekday] = []
    /// `BYDAY` with an ordinal (monthly rules).
    public var nthWeekday: NthWeekday?
    /// `BYMONTHDAY`; -1 is the last day of the month.
    public var monthDay: Int?
    /// `BYMONTH`, with ``monthDay`` in yearly rules.
    public var month: Int?
    /// A time of day the phrase implied ("every morning"), for the task's due time.
    public var partOfDay: PartOfDay?

    public init(_ frequency: Frequency, interval: Int = 1) {
        self.frequency = frequency
        self.interval = interval
    }

    /// The RRULE value, in libical's canonical spelling (`FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH`).
    public var rrule: String {
        var parts = ["FREQ=" + frequency.rawValue]
        if interval > 1 { parts.append("INTERVAL=\(interval)") }
        if let nthWeekday {
            parts.append("BYDAY=\(nthWeekday.ordinal)\(nthWeekday.weekday.rruleCode)")
        } else if !weekdays.isEmpty {
            parts.append("BYDAY=" + weekdays.sorted().map(\.rruleCode).joined(separator: ","))
        }
        if let monthDay { parts.append("BYMONTHDAY=\(monthDay)") }
        if let month { parts.append("BYMONTH=\(month)") }
        let text = parts.joined(separator: ";")
        if case .success(let rule) = RecurrenceRule.parse(text) { return rule.text }
        return text
    }

    /// The first day on or after `start` that the rule falls on; nil when it never does within
    /// the next eight years (a rule for February 30th).
    public func firstDay(onOrAfter start: CalendarDate) -> CalendarDate? {
        switch frequency {
        case .daily:
            return start
        case .weekly:
            guard !weekdays.isEmpty else { return start }
            return weekdays.map { start.next($0, includingSelf: true) }.min()
        case .monthly:
            return firstMonthly(onOrAfter: start)
        case .yearly:
            guard let month, let monthDay else { return start }
            for year in start.year...(start.year + 8) {
                if let date = CalendarDate(year: year, month: month, day: monthDay), date >= start { return date }
            }
            return nil
        }
    }

    private func firstMonthly(onOrAfter start: CalendarDate) -> CalendarDate? {
        guard monthDay != nil || nthWeekday != nil else { return start }
        for offset in 0..<(12 * 8) {
            guard let first = start.firstOfMonth(adding: offset) else { return nil }
            var candidate: CalendarDate?
            if let nthWeekday {
                candidate = CalendarDate.nth(
                    nthWeekday.ordinal, nthWeekday.weekday, month: first.month, year: first.year)
            } else if let monthDay {
                let day = monthDay < 0 ? first.daysInMonth + 1 + monthDay : monthDay
                candidate = CalendarDate(year: first.year, month: first.month, day: day)
            }
            if let candidate, candidate >= start { return candidate }
        }
        return nil
    }
}
