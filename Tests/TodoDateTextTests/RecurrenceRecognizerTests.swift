import Testing
import TodoCore
import TodoDateText

@Suite struct RecurrenceRecognizerTests {
    private func pattern(_ phrase: String) -> RecurrencePattern? {
        let found = RecurrenceRecognizer().matches(in: words(phrase))
        guard found.count == 1, case .pattern(let pattern) = found[0].value else { return nil }
        return pattern
    }

    @Test(arguments: [
        ("daily", "FREQ=DAILY"), ("every day", "FREQ=DAILY"), ("every other day", "FREQ=DAILY;INTERVAL=2"),
        ("every 3 days", "FREQ=DAILY;INTERVAL=3"), ("every weekday", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
        ("on weekdays", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"), ("weekends", "FREQ=WEEKLY;BYDAY=SA,SU"),
        ("weekly", "FREQ=WEEKLY"), ("every monday", "FREQ=WEEKLY;BYDAY=MO"),
        ("every other monday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO"),
        ("every 2 weeks on tue and thu", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH"),
        ("biweekly on fridays", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR"),
        ("mondays, wednesdays and fridays", "FREQ=WEEKLY;BYDAY=MO,WE,FR"),
        ("every thursday and tuesday", "FREQ=WEEKLY;BYDAY=TU,TH"), ("monthly", "FREQ=MONTHLY"),
        ("monthly on the 1st", "FREQ=MONTHLY;BYMONTHDAY=1"), ("every month on the 15th", "FREQ=MONTHLY;BYMONTHDAY=15"),
        ("on the first of every month", "FREQ=MONTHLY;BYMONTHDAY=1"),
        ("the last friday of every month", "FREQ=MONTHLY;BYDAY=-1FR"),
        ("every first monday of the month", "FREQ=MONTHLY;BYDAY=1MO"),
        ("monthly on the last day", "FREQ=MONTHLY;BYMONTHDAY=-1"),
        ("the last day of every month", "FREQ=MONTHLY;BYMONTHDAY=-1"), ("quarterly", "FREQ=MONTHLY;INTERVAL=3"),
        ("every 6 months", "FREQ=MONTHLY;INTERVAL=6"), ("yearly", "FREQ=YEARLY"),
        ("every year on march 3", "FREQ=YEARLY;BYMONTHDAY=3;BYMONTH=3"),
        ("every march 3rd", "FREQ=YEARLY;BYMONTHDAY=3;BYMONTH=3"),
        ("annually on the 4th of july", "FREQ=YEARLY;BYMONTHDAY=4;BYMONTH=7"),
    ])
    func readsRepeatPhrasesAsCanonicalRules(phrase: String, rrule: String) throws {
        let rule = try #require(pattern(phrase), "\(phrase)").rrule
        #expect(rule == rrule, "\(phrase)")
        // Every rule produced is one the task model accepts, unchanged.
        #expect((try? RecurrenceRule.parse(rule).get())?.text == rule)
    }

    @Test func carriesThePartOfTheDay() {
        #expect(pattern("every morning")?.partOfDay == .morning)
        #expect(pattern("every weekday morning")?.partOfDay == .morning)
        #expect(pattern("every monday evening")?.partOfDay == .evening)
    }

    @Test func refusesHourlyRepeats() {
        let found = RecurrenceRecognizer().matches(in: words("every 2 hours"))
        guard case .unsupported = found.first?.value else {
            Issue.record("expected unsupported, got \(found)")
            return
        }
    }

    @Test func findsThePhraseInsideAMessage() {
        let found = RecurrenceRecognizer().matches(in: words("water the plants every other monday at 9am"))
        #expect(found.map(\.range) == [3..<6])
        #expect(RecurrenceRecognizer().matches(in: words("call mom on monday")).isEmpty)
        #expect(RecurrenceRecognizer().matches(in: words("pay the 1st invoice")).isEmpty)
    }

    @Test(arguments: [
        ("every monday", "2026-03-09"), ("every thursday", "2026-03-05"), ("daily", "2026-03-05"),
        ("monthly on the 1st", "2026-04-01"), ("the last friday of every month", "2026-03-27"),
        ("every year on march 3", "2027-03-03"), ("every 2 weeks on tue and thu", "2026-03-05"),
        ("every month on the 31st", "2026-03-31"), ("every weekend", "2026-03-07"),
    ])
    func findsTheFirstOccurrence(phrase: String, expected: String) throws {
        let first = try #require(pattern(phrase)).firstDay(onOrAfter: day("2026-03-05"))
        #expect(first == day(expected), "\(phrase)")
    }

    @Test func skipsMonthsTooShortForTheDay() {
        var pattern = RecurrencePattern(.monthly)
        pattern.monthDay = 31
        #expect(pattern.firstDay(onOrAfter: day("2026-04-01")) == day("2026-05-31"))
    }
}
