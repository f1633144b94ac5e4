import Foundation
import Testing
import TodoCore
import TodoDateText

@Suite struct DateRecognizerTests {
    private func value(_ phrase: String, now: String = "2026-03-05T10:00:00-05:00") -> DateValue? {
        let found = DateRecognizer(context: context(now)).matches(in: words(phrase))
        return found.count == 1 ? found[0].value : nil
    }

    @Test(arguments: [
        ("today", "2026-03-05"), ("tomorrow", "2026-03-06"), ("the day after tomorrow", "2026-03-07"),
        ("friday", "2026-03-06"), ("this friday", "2026-03-06"), ("next friday", "2026-03-13"),
        ("thursday", "2026-03-12"), ("this thursday", "2026-03-05"), ("next tuesday", "2026-03-10"),
        ("on monday", "2026-03-09"), ("wednesday next week", "2026-03-11"), ("in 3 days", "2026-03-08"),
        ("in three days", "2026-03-08"), ("in a week", "2026-03-12"), ("2 weeks from now", "2026-03-19"),
        ("in a month", "2026-04-05"), ("on the 15th", "2026-03-15"), ("the 3rd", "2026-04-03"),
        ("the 5th", "2026-03-05"), ("march 3rd", "2027-03-03"), ("march 10", "2026-03-10"),
        ("3 april", "2026-04-03"), ("the 1st of april", "2026-04-01"), ("april 2nd, 2027", "2027-04-02"),
        ("3/15", "2026-03-15"), ("2026-12-24", "2026-12-24"), ("end of month", "2026-03-31"),
        ("by the end of the month", "2026-03-31"), ("end of the week", "2026-03-06"), ("eoy", "2026-12-31"),
        ("the 15th of next month", "2026-04-15"), ("due on the 31st", "2026-03-31"),
    ])
    func readsCalendarDays(phrase: String, expected: String) {
        #expect(value(phrase) == .day(day(expected)), "\(phrase)")
    }

    @Test(arguments: [
        ("tonight", "2026-03-05T20:00:00-05:00"), ("tomorrow morning", "2026-03-06T09:00:00-05:00"),
        ("tomorrow at 6pm", "2026-03-06T18:00:00-05:00"), ("at 5pm tomorrow", "2026-03-06T17:00:00-05:00"),
        ("friday at 5:30 pm", "2026-03-06T17:30:00-05:00"), ("this evening", "2026-03-05T18:00:00-05:00"),
        ("at 9 tonight", "2026-03-05T21:00:00-05:00"), ("monday at noon", "2026-03-09T12:00:00-04:00"),
        ("next tuesday at 9am", "2026-03-10T09:00:00-04:00"), ("in 2 hours", "2026-03-05T12:00:00-05:00"),
        ("in 30 minutes", "2026-03-05T10:30:00-05:00"), ("in half an hour", "2026-03-05T10:30:00-05:00"),
        ("in an hour and a half", "2026-03-05T11:30:00-05:00"), ("friday night", "2026-03-06T20:00:00-05:00"),
        ("tomorrow at 7 in the evening", "2026-03-06T19:00:00-05:00"), ("sunday 17:00", "2026-03-08T17:00:00-04:00"),
        ("tomorrow at 5 o'clock", "2026-03-06T17:00:00-05:00"), ("march 10 at 2pm", "2026-03-10T14:00:00-04:00"),
    ])
    func readsInstants(phrase: String, expected: String) {
        #expect(value(phrase) == .instant(instant(expected)), "\(phrase)")
    }

    @Test(arguments: [
        ("at 5pm", 17, 0), ("noon", 12, 0), ("at 5", 17, 0), ("at 9", 9, 0), ("by 10:30", 10, 30),
        ("at 09:30", 9, 30), ("at 8 in the morning", 8, 0), ("at midnight", 23, 59), ("at 12:15am", 0, 15),
    ])
    func leavesTheDayOfABareTimeOpen(phrase: String, hour: Int, minute: Int) {
        #expect(value(phrase) == .time(LocalTime(hour: hour, minute: minute)!), "\(phrase)")
    }

    @Test func readsPeriods() {
        #expect(
            value("this week")
                == .period(
                    DatePeriod(
                        first: day("2026-03-05"), last: day("2026-03-08"),
                        dueDay: day("2026-03-06"))))
        #expect(
            value("next week")
                == .period(
                    DatePeriod(
                        first: day("2026-03-09"), last: day("2026-03-15"),
                        dueDay: day("2026-03-09"))))
        #expect(
            value("this weekend")
                == .period(
                    DatePeriod(
                        first: day("2026-03-07"), last: day("2026-03-08"),
                        dueDay: day("2026-03-07"))))
        #expect(
            value("next month")
                == .period(
                    DatePeriod(
                        first: day("2026-04-01"), last: day("2026-04-30"),
                        dueDay: day("2026-04-01"))))
    }

    @Test func keepsWallClockTimesAcrossTheSpringChange() {
        let saturday = "2026-03-07T10:00:00-05:00"
        #expect(value("tomorrow at 9am", now: saturday) == .instant(instant("2026-03-08T13:00:00Z")))
        #expect(value("in 1 day", now: saturday) == .day(day("2026-03-08")))
        // Elapsed time, not wall time: 24 hours later the clocks read 11:00.
        #expect(value("in 24 hours", now: saturday) == .instant(instant("2026-03-08T11:00:00-04:00")))
        #expect(value("in 2 hours", now: "2026-03-08T01:30:00-05:00") == .instant(instant("2026-03-08T04:30:00-04:00")))
    }

    @Test func movesTimesInTheSpringGapForwardAndPicksTheFirstOfRepeatedTimes() {
        #expect(
            value("tomorrow at 2:30am", now: "2026-03-07T10:00:00-05:00")
                == .instant(instant("2026-03-08T03:30:00-04:00")))
        #expect(
            value("tomorrow at 1:30am", now: "2026-10-31T10:00:00-04:00")
                == .instant(instant("2026-11-01T01:30:00-04:00")))
    }

    @Test func usesTheUsersTimezone() {
        let berlin = context("2026-03-28T12:00:00+01:00", "Europe/Berlin")
        let found = DateRecognizer(context: berlin).matches(in: words("tomorrow at 9"))
        #expect(found.map(\.value) == [.instant(instant("2026-03-29T09:00:00+02:00"))])
        let tokyo = context("2026-03-05T23:30:00Z", "Asia/Tokyo")
        #expect(DateRecognizer(context: tokyo).matches(in: words("today")).map(\.value) == [.day(day("2026-03-06"))])
    }

    @Test func reportsImpossibleAndVagueDates() {
        guard case .unclear = value("february 30") else {
            Issue.record("february 30")
            return
        }
        guard case .unclear = value("at 25:00") else {
            Issue.record("25:00")
            return
        }
        guard case .unclear = value("later") else {
            Issue.record("later")
            return
        }
        guard case .unclear = value("sometime") else {
            Issue.record("sometime")
            return
        }
        #expect(value("later today") == .day(day("2026-03-05")))
    }

    @Test(arguments: [
        "buy 5 apples", "sun cream", "may i have", "morning run", "in the kitchen", "sat down", "a new week",
        "call the 3 kids", "plan the march", "5 minutes",
    ])
    func ignoresWordsThatOnlyLookLikeDates(phrase: String) {
        #expect(DateRecognizer(context: context()).matches(in: words(phrase)).isEmpty, "\(phrase)")
    }

    @Test func reportsTheWordsEachPhraseSpans() {
        let recognizer = DateRecognizer(context: context())
        let found = recognizer.matches(in: words("call mom tomorrow at 6pm about the trip"))
        #expect(found.map(\.range) == [2..<5])
        let report = recognizer.matches(in: words("report due on friday, then lunch at noon"))
        #expect(report.map(\.range) == [1..<4, 7..<9])
    }
}
