import Testing
import TodoCore
import TodoDateText

@Suite struct CalendarNavigationTests {
    @Test func knowsTheWeekday() {
        #expect(day("2026-03-05").weekday == .thursday)
        #expect(day("2026-03-08").weekday == .sunday)
        #expect(day("1969-12-29").weekday == .monday)
    }

    @Test func findsNthWeekdaysOfAMonth() {
        #expect(CalendarDate.nth(-1, .friday, month: 3, year: 2026) == day("2026-03-27"))
        #expect(CalendarDate.nth(1, .monday, month: 3, year: 2026) == day("2026-03-02"))
        #expect(CalendarDate.nth(5, .monday, month: 2, year: 2026) == nil)
    }

    @Test func addsMonthsClampingTheDay() {
        #expect(day("2026-01-31").adding(months: 1) == day("2026-02-28"))
        #expect(day("2028-01-31").adding(months: 1) == day("2028-02-29"))
        #expect(day("2026-11-15").adding(months: 3) == day("2027-02-15"))
    }
}
