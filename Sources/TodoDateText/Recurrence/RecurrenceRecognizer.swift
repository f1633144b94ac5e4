/// Finds repeat phrases ("every other Monday", "the last Friday of every month") in the words of
/// a message and reads them as ``RecurrencePattern``s.
///
/// Understood: daily, every (other) day, every N days, every morning/evening, every weekday,
/// weekends, weekly, biweekly, every N weeks (on Tue and Thu), every (other) Monday, Mondays and
/// Fridays, monthly (on the 1st, on the last day, on the first Monday), every N months,
/// quarterly, the 15th of every month, the last Friday of every month, yearly, every year on
/// March 3, every March 3rd. "Every hour" and finer are recognized and refused.
public struct RecurrenceRecognizer: Sendable {
    public init() {}

    /// Every repeat phrase in `words`, left to right, without overlaps.
    public func matches(in words: [String]) -> [RecurrenceMatch] {
        var found: [RecurrenceMatch] = []
        var index = 0
        while index < words.count {
            if let match = match(in: words, at: index) {
                found.append(match)
                index = match.range.upperBound
            } else {
                index += 1
            }
        }
        return found
    }

    /// The repeat phrase that starts exactly at `start`, if any.
    public func match(in words: [String], at start: Int) -> RecurrenceMatch? {
        var reader = WordReader(words, at: start)
        _ = reader.take(["repeat", "repeats", "repeating", "recurring", "recur", "recurs"])
        _ = reader.take("on")

        let parsers: [(inout WordReader) -> RecurrenceMatch.Value?] = [
            Self.parseUnsupported, Self.parseDaily, Self.parseWorkdays, Self.parseWeekly, Self.parseWeekdays,
            Self.parseMonthly, Self.parseDayOfEveryMonth, Self.parseYearly,
        ]
        for parse in parsers {
            var attempt = reader
            if let value = parse(&attempt) {
                return RecurrenceMatch(range: start..<attempt.index, value: value)
            }
        }
        return nil
    }

    // MARK: Phrases

    private static let every: Set<String> = ["every", "each"]

    static func parseUnsupported(_ reader: inout WordReader) -> RecurrenceMatch.Value? {
        if reader.take(["hourly"]) != nil || reader.take(sequence: ["every", "hour"])
            || reader.take(sequence: ["every", "minute"])
        {
            return .unsupported(reason: "Tasks can repeat daily, weekly, monthly or yearly, not by the hour")
        }
        guard reader.take(every) != nil, let count = NumberWords.count(&reader),
            reader.take(["minutes", "mins", "hours", "hrs"]) != nil, count > 0
        else { return nil }
        return .unsupported(reason: "Tasks can repeat daily, weekly, monthly or yearly, not by the hour")
    }

    static func parseDaily(_ reader: inout WordReader) -> RecurrenceMatch.Value? {
        if reader.take(["daily", "everyday"]) != nil || reader.take(anyOf: [["every", "single", "day"]]) {
            return .pattern(RecurrencePattern(.daily))
        }
        if reader.take("nightly") {
            var pattern = RecurrencePattern(.daily)
            pattern.partOfDay = .night
            return .pattern(pattern)
        }
        guard reader.take(every) != nil else { return nil }
        if reader.take("day") { return .pattern(RecurrencePattern(.daily)) }
        if let word = reader.take(["morning", "afternoon", "evening", "night"]) {
            var pattern = RecurrencePattern(.daily)
            pattern.partOfDay = PartOfDay.named(word)
            return .pattern(pattern)
        }
        if reader.take(sequence: ["other", "day"]) { return .pattern(RecurrencePattern(.daily, interval: 2)) }
        if let word = reader.peek(), let nth = NumberWords.ordinal(word), nth > 1, reader.peek(1) == "day" {
            reader.advance(2)
            return .pattern(RecurrencePattern(.daily, interval: nth))
        }
        guard let count = NumberWords.count(&reader), count > 0, reader.take(["days", "day"]) != nil else {
            return nil
        }
        return .pattern(RecurrencePattern(.daily, interval: count))
    }

    static func parseWorkdays(_ reader: inout WordReader) -> RecurrenceMatch.Value? {
        let hasEvery = reader.take(every) != nil
        let workday = ["weekday", "workday", "weekdays", "workdays"]
        var pattern = RecurrencePattern(.weekly)
        if reader.take(Set(workday)) != nil || reader.take(sequence: ["business", "day"]) {
            pattern.weekdays = Weekday.workdays
        } else if (hasEvery && reader.take("weekend")) || reader.take("weekends") {
            pattern.weekdays = [.saturday, .sunday]
        } else {
            return nil
        }
        if let word = reader.peek(), ["morning", "mornings", "evening", "evenings"].contains(word) {
            reader.advance()
            pattern.partOfDay = word.hasPrefix("morning") ? .morning : .evening
        }
        return .pattern(pattern)
    }

    /// weekly, every week, once a week, biweekly, fortnightly, every other week, every N weeks;
    /// each optionally followed by "on Tue and Thu".
    static func parseWeekly(_ reader: inout WordReader) -> RecurrenceMatch.Value? {
        var pattern: RecurrencePattern
        if reader.take(["weekly"]) != nil || reader.take(anyOf: [["once", "a", "week"], ["every", "week"]])
            || reader.take(sequence: ["each", "week"])
        {
            pattern = RecurrencePattern(.weekly)
        } else if reader.take(["biweekly", "fortnightly"]) != nil
            || reader.take(anyOf: [["every", "other", "week"], ["every", "fortnight"]])
        {
            pattern = RecurrencePattern(.weekly, interval: 2)
        } else if reader.take(every) != nil, let count = NumberWords.count(&reader), count > 0,
            reader.take(["weeks", "week"]) != nil
        {
            pattern = RecurrencePattern(.weekly, interval: count)
        } else {
            return nil
        }

        var suffix = reader
        _ = suffix.take(["on", ","])
        if let days = weekdayList(&suffix) {
            pattern.weekdays = days
            reader = suffix
        }
        return .pattern(pattern)
    }

    /// every Monday, each tue and thu, every other Friday, Mondays and Thursdays.
    static func parseWeekdays(_ reader: inout WordReader) -> RecurrenceMatch.Value? {
        var pattern = RecurrencePattern(.weekly)
        if reader.take(every) != nil {
            if reader.take("other") { pattern.interval = 2 }
            guard let days = weekdayList(&reader) else { return nil }
            pattern.weekdays = days
        } else {
            guard let first = reader.peek(), CalendarWords.pluralWeekday(first) != nil,
                let days = weekdayList(&reader)
            else { return nil }
            pattern.weekdays = days
        }
        if let word = reader.peek(), let part = PartOfDay.named(word) ?? PartOfDay.named(String(word.dropLast())) {
            reader.advance()
            pattern.partOfDay = part
        }
        return .pattern(pattern)
    }

    /// monthly, every month, every N months, quarterly; optionally "on the 1st", "on the last day",
    /// "on the first Monday".
    static func parseMonthly(_ reader: inout WordReader) -> RecurrenceMatch.Value? {
        var pattern: RecurrencePattern
        if reader.take(["monthly"]) != nil || reader.take(anyOf: [["once", "a", "month"], ["every", "month"]])
            || reader.take(sequence: ["each", "month"])
        {
            pattern = RecurrencePattern(.monthly)
        } else if reader.take(["quarterly"]) != nil || reader.take(sequence: ["every", "quarter"]) {
            pattern = RecurrencePattern(.monthly, interval: 3)
        } else if reader.take(["semiannually", "biannually"]) != nil || reader.take(sequence: ["twice", "a", "year"]) {
            pattern = RecurrencePattern(.monthly, interval: 6)
        } else if reader.take(sequence: ["every", "other", "month"]) || reader.take("bimonthly") {
            pattern = RecurrencePattern(.monthly, interval: 2)
        } else if reader.take(every) != nil, let count = NumberWords.count(&reader), count > 0,
            reader.take(["months", "month"]) != nil
        {
            pattern = RecurrencePattern(.monthly, interval: count)
        } else {
            return nil
        }

        var suffix = reader
        _ = suffix.take(["on", ","])
        _ = suffix.take("the")
        if let day = monthDay(&suffix) {
            pattern.monthDay = day
            reader = suffix
        } else if let nth = nthWeekday(&suffix) {
            pattern.nthWeekday = nth
            reader = suffix
        }
        return .pattern(pattern)
    }

    /// the 15th of every month, every 1st of the month, the last day of each month, the last Friday
    /// of every month, every second Tuesday (of the month).
    static func parseDayOfEveryMonth(_ reader: inout WordReader) -> RecurrenceMatch.Value? {
        let leadingEvery = reader.take(every) != nil
        _ = reader.take("the")
        var pattern = RecurrencePattern(.monthly)
        if let day = monthDay(&reader) {
            pattern.monthDay = day
        } else if let nth = nthWeekday(&reader) {
            pattern.nthWeekday = nth
        } else {
            return nil
        }

        let ofEvery = reader.take(anyOf: [["of", "every", "month"], ["of", "each", "month"], ["every", "month"]])
        if !ofEvery {
            _ = reader.take(anyOf: [["of", "the", "month"], ["of", "a", "month"]])
        }
        guard ofEvery || leadingEvery else { return nil }
        return .pattern(pattern)
    }

    /// yearly, annually, every year (on March 3), every March 3rd, every 3rd of March.
    static func parseYearly(_ reader: inout WordReader) -> RecurrenceMatch.Value? {
        var pattern = RecurrencePattern(.yearly)
        if reader.take(["yearly", "annually"]) != nil
            || reader.take(anyOf: [["every", "year"], ["each", "year"], ["once", "a", "year"]])
        {
            var suffix = reader
            _ = suffix.take(["on", ","])
            if let (month, day) = monthAndDay(&suffix) {
                pattern.month = month
                pattern.monthDay = day
                reader = suffix
            }
            return .pattern(pattern)
        }
        guard reader.take(every) != nil, let (month, day) = monthAndDay(&reader) else { return nil }
        pattern.month = month
        pattern.monthDay = day
        return .pattern(pattern)
    }

    // MARK: Parts

    /// Monday, Tue and Thu, mondays, wednesdays & fridays.
    static func weekdayList(_ reader: inout WordReader) -> [Weekday]? {
        var days: [Weekday] = []
        var attempt = reader
        while let word = attempt.peek(),
            let day = CalendarWords.weekday(word) ?? CalendarWords.pluralWeekday(word)
        {
            attempt.advance()
            if !days.contains(day) { days.append(day) }
            reader = attempt
            var separator = attempt
            guard separator.take([",", "and", "&", "or", "/"]) != nil else { break }
            _ = separator.take("and")
            attempt = separator
        }
        return days.isEmpty ? nil : days
    }

    /// 1st, 15th, first, "last day": a day of the month (-1 for the last).
    static func monthDay(_ reader: inout WordReader) -> Int? {
        var attempt = reader
        if attempt.take(sequence: ["last", "day"]) {
            reader = attempt
            return -1
        }
        guard let word = attempt.peek(), let day = NumberWords.ordinal(word), (1...31).contains(day) else { return nil }
        attempt.advance()
        // "the first Monday" is a weekday, not a day of the month.
        if let next = attempt.peek(), CalendarWords.weekday(next) != nil { return nil }
        _ = attempt.take("day")
        reader = attempt
        return day
    }

    /// first Monday, 2nd Tuesday, last Friday.
    static func nthWeekday(_ reader: inout WordReader) -> RecurrencePattern.NthWeekday? {
        var attempt = reader
        guard let word = attempt.peek() else { return nil }
        let ordinal = word == "last" ? -1 : NumberWords.ordinal(word)
        guard let ordinal, (-1...5).contains(ordinal), ordinal != 0 else { return nil }
        attempt.advance()
        guard let name = attempt.peek(), let weekday = CalendarWords.weekday(name) else { return nil }
        attempt.advance()
        reader = attempt
        return RecurrencePattern.NthWeekday(ordinal, weekday)
    }

    /// March 3, March 3rd, 3 March, the 3rd of March.
    static func monthAndDay(_ reader: inout WordReader) -> (Int, Int)? {
        var attempt = reader
        if let word = attempt.peek(), let month = CalendarWords.month(word) {
            attempt.advance()
            _ = attempt.take("the")
            guard let next = attempt.peek(), let day = NumberWords.ordinal(next) ?? Int(next), (1...31).contains(day)
            else { return nil }
            attempt.advance()
            reader = attempt
            return (month, day)
        }
        _ = attempt.take("the")
        guard let word = attempt.peek(), let day = NumberWords.ordinal(word) ?? Int(word), (1...31).contains(day)
        else { return nil }
        attempt.advance()
        _ = attempt.take("of")
        guard let name = attempt.peek(), let month = CalendarWords.month(name) else { return nil }
        attempt.advance()
        reader = attempt
        return (month, day)
    }
}
