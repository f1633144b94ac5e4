import Foundation
import TodoCore

extension DateRecognizer {
    /// today, tonight, tomorrow, the day after tomorrow, yesterday, this morning/afternoon/evening.
    func parseRelativeDay(_ reader: inout WordReader) -> DatePiece? {
        let today = context.today
        var attempt = reader
        let piece: DatePiece?
        if attempt.take(anyOf: [["the", "day", "after", "tomorrow"], ["day", "after", "tomorrow"]]) {
            piece = today.adding(days: 2).map(DatePiece.day)
        } else if let word = attempt.take(["today", "tomorrow", "yesterday", "tonight", "tonite"]) {
            switch word {
            case "today": piece = .day(today)
            case "tomorrow": piece = .day(today.next)
            case "yesterday": piece = today.adding(days: -1).map(DatePiece.day)
            default: piece = .dayPart(today, .night)
            }
        } else if attempt.take("this"), let word = attempt.peek(), let part = PartOfDay.named(word) {
            attempt.advance()
            piece = .dayPart(today, part)
        } else {
            piece = nil
        }
        if piece != nil { reader = attempt }
        return piece
    }

    /// friday, this friday, this coming friday, next friday, friday next week, friday after next.
    func parseWeekday(_ reader: inout WordReader, afterConnector: Bool) -> DatePiece? {
        var attempt = reader
        var modifier = ""
        if attempt.take(sequence: ["this", "coming"]) {
            modifier = "coming"
        } else if let word = attempt.take(["this", "next", "coming", "last", "the"]) {
            modifier = word == "the" ? "" : word
        }
        guard let word = attempt.peek(), let weekday = CalendarWords.weekday(word) else { return nil }
        // "sun", "sat" and "wed" are words too: alone they are a weekday only after "on" or "this".
        if ["sun", "sat", "wed"].contains(word), modifier.isEmpty, !afterConnector { return nil }
        attempt.advance()

        let today = context.today
        var day: CalendarDate
        switch modifier {
        case "this": day = today.next(weekday, includingSelf: true)
        case "next": day = today.startOfWeek.adding(days: 7 + weekday.rawValue) ?? today
        case "last": day = today.next(weekday, includingSelf: false).adding(days: -7) ?? today
        default: day = today.next(weekday)
        }
        if modifier.isEmpty || modifier == "coming" {
            if attempt.take(sequence: ["next", "week"]) {
                day = today.startOfWeek.adding(days: 7 + weekday.rawValue) ?? day
            } else if attempt.take(sequence: ["after", "next"]) {
                day = today.startOfWeek.adding(days: 14 + weekday.rawValue) ?? day
            }
        }
        reader = attempt
        return .day(day)
    }

    /// this week, next week, the week after next, this weekend, next weekend, this month, next month,
    /// this year, next year, end of the week/month/year, end of day.
    func parsePeriod(_ reader: inout WordReader) -> DatePiece? {
        var attempt = reader
        if attempt.take(anyOf: [["the", "end", "of"], ["end", "of"]]) {
            _ = attempt.take(["the", "this"])
            guard let unit = attempt.take(["week", "month", "year", "day"]) else { return nil }
            reader = attempt
            return .day(endOf(unit))
        }
        if let short = attempt.take(["eow", "eom", "eoy", "eod"]) {
            reader = attempt
            let units = ["eow": "week", "eom": "month", "eoy": "year", "eod": "day"]
            return .day(endOf(units[short]!))
        }

        if attempt.take(sequence: ["the", "week", "after", "next"]) {
            reader = attempt
            return .period(week(startingIn: 2))
        }
        guard let modifier = attempt.take(["this", "next", "the"]),
            let unit = attempt.take(["week", "weekend", "month", "year"])
        else { return nil }
        if modifier == "the", unit != "weekend" { return nil }
        reader = attempt
        return .period(period(unit, next: modifier == "next"))
    }

    private func endOf(_ unit: String) -> CalendarDate {
        let today = context.today
        switch unit {
        case "week":
            let friday = today.next(.friday, includingSelf: true)
            return friday.startOfWeek == today.startOfWeek ? friday : today.startOfWeek.adding(days: 6) ?? today
        case "month": return today.lastOfMonth
        case "year": return CalendarDate(year: today.year, month: 12, day: 31)!
        default: return today
        }
    }

    private func week(startingIn weeks: Int) -> DatePeriod {
        let monday = context.today.startOfWeek.adding(days: 7 * weeks) ?? context.today
        return DatePeriod(first: monday, last: monday.adding(days: 6) ?? monday, dueDay: monday)
    }

    private func period(_ unit: String, next: Bool) -> DatePeriod {
        let today = context.today
        switch (unit, next) {
        case ("week", false):
            let sunday = today.startOfWeek.adding(days: 6) ?? today
            return DatePeriod(first: today, last: sunday, dueDay: endOf("week"))
        case ("week", true):
            return week(startingIn: 1)
        case ("weekend", _):
            let saturday = today.startOfWeek.adding(days: next ? 12 : 5) ?? today
            let sunday = saturday.next
            let first = !next && today.weekday.isWeekend ? today : saturday
            return DatePeriod(first: first, last: sunday, dueDay: first)
        case ("month", false):
            return DatePeriod(first: today, last: today.lastOfMonth, dueDay: today.lastOfMonth)
        case ("month", true):
            let first = today.firstOfMonth(adding: 1) ?? today
            return DatePeriod(first: first, last: first.lastOfMonth, dueDay: first)
        case (_, false):
            let last = CalendarDate(year: today.year, month: 12, day: 31)!
            return DatePeriod(first: today, last: last, dueDay: last)
        default:
            let first = CalendarDate(year: today.year + 1, month: 1, day: 1) ?? today
            let last = CalendarDate(year: today.year + 1, month: 12, day: 31) ?? today
            return DatePeriod(first: first, last: last, dueDay: first)
        }
    }

    /// March 3rd, march 3, mar 3 2027, March the 3rd, 3 March, 3rd of March, the 3rd of March.
    func parseMonthDay(_ reader: inout WordReader) -> DatePiece? {
        var attempt = reader
        var month: Int?
        var day: Int?
        if let word = attempt.peek(), let value = CalendarWords.month(word) {
            attempt.advance()
            _ = attempt.take("the")
            guard let next = attempt.peek(), let number = NumberWords.ordinal(next) ?? Int(next) else { return nil }
            attempt.advance()
            (month, day) = (value, number)
        } else {
            _ = attempt.take("the")
            guard let word = attempt.peek(), let number = NumberWords.ordinal(word) ?? Int(word) else { return nil }
            attempt.advance()
            _ = attempt.take("of")
            guard let name = attempt.peek(), let value = CalendarWords.month(name) else { return nil }
            attempt.advance()
            (month, day) = (value, number)
        }
        guard let month, let day else { return nil }

        var year: Int?
        var yearReader = attempt
        _ = yearReader.take(",")
        if let word = yearReader.peek(), word.count == 4, let value = Int(word), (1970...2200).contains(value) {
            yearReader.advance()
            year = value
            attempt = yearReader
        }
        reader = attempt
        return dated(month: month, day: day, year: year)
    }

    /// the 15th, on the 15th, the 15th of next month, on 15th.
    func parseDayOfMonth(_ reader: inout WordReader, afterConnector: Bool) -> DatePiece? {
        var attempt = reader
        let hasArticle = attempt.take("the")
        guard hasArticle || afterConnector, let word = attempt.peek(), let day = NumberWords.ordinal(word) else {
            return nil
        }
        attempt.advance()

        // "of next month" and "of this month" pin the month; "of the month" only reads well.
        var monthsAhead: Int?
        var suffix = attempt
        if suffix.take(sequence: ["of", "next", "month"]) {
            monthsAhead = 1
            attempt = suffix
        } else if suffix.take(sequence: ["of", "this", "month"]) {
            monthsAhead = 0
            attempt = suffix
        } else if suffix.take(sequence: ["of", "the", "month"]) {
            attempt = suffix
        }
        reader = attempt

        guard (1...31).contains(day) else { return .unclear("No month has a \(word) day") }
        let today = context.today
        if let monthsAhead {
            guard let first = today.firstOfMonth(adding: monthsAhead),
                let date = CalendarDate(year: first.year, month: first.month, day: day)
            else { return .unclear("That month has no \(word) day") }
            return .day(date)
        }
        for offset in 0..<13 {
            guard let first = today.firstOfMonth(adding: offset),
                let date = CalendarDate(year: first.year, month: first.month, day: day), date >= today
            else { continue }
            return .day(date)
        }
        return .unclear("No month has a \(word) day")
    }

    /// 3/15, 3/15/2026, 3/15/26 (month first), 2026-03-15.
    func parseNumericDate(_ reader: inout WordReader) -> DatePiece? {
        guard let word = reader.peek() else { return nil }
        if let date = CalendarDate(word) {
            reader.advance()
            return .day(date)
        }
        let parts = word.split(separator: "/", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ $0 != nil }) else { return nil }
        reader.advance()
        var year = parts.count == 3 ? parts[2]! : nil
        if let short = year, short < 100 { year = 2000 + short }
        return dated(month: parts[0]!, day: parts[1]!, year: year)
    }

    /// A month and day, in `year` or else the next one on or after today.
    private func dated(month: Int, day: Int, year: Int?) -> DatePiece {
        let today = context.today
        let name = (1...12).contains(month) ? CalendarWords.monthNames[month - 1] : "month \(month)"
        if let year {
            guard let date = CalendarDate(year: year, month: month, day: day) else {
                return .unclear("\(name) \(day), \(year) is not a date")
            }
            return .day(date)
        }
        if let date = CalendarDate(year: today.year, month: month, day: day), date >= today {
            return .day(date)
        }
        if let date = CalendarDate(year: today.year + 1, month: month, day: day) {
            return .day(date)
        }
        return .unclear("\(name) \(day) is not a date")
    }
}
