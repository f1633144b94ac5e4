import Foundation
import Testing
import TodoCore

@Suite struct RFC3339Tests {
    @Test func formatsUTCWithMillisecondsOnlyWhenPresent() {
        #expect(RFC3339.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
        #expect(RFC3339.format(Date(millisecondsSince1970: 1_796_000_000_123)) == "2026-11-30T00:53:20.123Z")
    }

    @Test func formatsAtTheZoneOffsetOfTheInstant() {
        let berlin = TimeZone(identifier: "Europe/Berlin")!
        let winter = RFC3339.parse("2026-01-15T08:00:00Z")!
        let summer = RFC3339.parse("2026-07-15T08:00:00Z")!
        #expect(RFC3339.format(winter, in: berlin) == "2026-01-15T09:00:00+01:00")
        #expect(RFC3339.format(summer, in: berlin) == "2026-07-15T10:00:00+02:00")
        let kolkata = TimeZone(identifier: "Asia/Kolkata")!
        #expect(RFC3339.format(winter, in: kolkata) == "2026-01-15T13:30:00+05:30")
    }

    @Test func writesEveryFieldAtItsWidth_andNegativeOffsets() {
        let date = RFC3339.parse("0001-02-03T04:05:06.007Z")!
        #expect(RFC3339.format(date) == "0001-02-03T04:05:06.007Z")
        #expect(RFC3339.format(date, offsetSeconds: -(3 * 3600 + 30 * 60)) == "0001-02-03T00:35:06.007-03:30")
        let late = RFC3339.parse("9999-12-31T23:59:59.999Z")!
        #expect(RFC3339.format(late) == "9999-12-31T23:59:59.999Z")
        #expect(RFC3339.format(late, offsetSeconds: -12 * 3600) == "9999-12-31T11:59:59.999-12:00")
        #expect(RFC3339.format(late, offsetSeconds: 14 * 3600).hasPrefix("10000-01-01T13:59:59.999+14:00"))
    }

    @Test func parsesOffsetsAndFractions() {
        #expect(RFC3339.parse("2026-03-03T09:00:00+01:00") == RFC3339.parse("2026-03-03T08:00:00Z"))
        #expect(RFC3339.parse("2026-03-03T08:00:00.5Z")?.millisecondsSince1970 == 1_772_524_800_500)
        #expect(RFC3339.parse("2026-03-03T08:00:00.123456Z")?.millisecondsSince1970 == 1_772_524_800_123)
        #expect(RFC3339.parse("1969-12-31T23:59:59Z")?.millisecondsSince1970 == -1000)
    }

    @Test(arguments: [
        "2026-03-03", "2026-03-03T09:00:00", "2026-02-30T09:00:00Z", "2026-03-03T24:00:00Z",
        "2026-03-03T09:00:00+25:00", "tomorrow", "", "2026-03-03T09:00:00.Z", "2026-03-03T09:00:00Zjunk",
    ])
    func rejectsAnythingButAnRFC3339DateTime(_ text: String) {
        #expect(RFC3339.parse(text) == nil)
    }

    @Test func roundTripsThroughFormatting() {
        for millis in stride(from: Int64(-86_400_000 * 400), to: 4_000_000_000_000, by: 97_654_321_987) {
            let date = Date(millisecondsSince1970: millis)
            #expect(RFC3339.parse(RFC3339.format(date)) == date)
            #expect(RFC3339.parse(RFC3339.format(date, offsetSeconds: -34_200)) == date)
        }
    }
}

@Suite struct CalendarDateTests {
    @Test func acceptsRealDatesOnly() {
        #expect(CalendarDate("2028-02-29") != nil)
        #expect(CalendarDate("2026-02-29") == nil)
        #expect(CalendarDate("2026-13-01") == nil)
        #expect(CalendarDate("2026-1-01") == nil)
        #expect(CalendarDate("2026-04-31") == nil)
    }

    @Test func deadlineOfAnAllDayTaskIsTheEndOfItsLocalDay() {
        let tokyo = TimeZone(identifier: "Asia/Tokyo")!
        let due = Due.allDay(CalendarDate("2026-12-31")!)
        #expect(RFC3339.format(due.deadline(in: tokyo)) == "2026-12-31T15:00:00Z")
    }

    @Test func deadlineFollowsDaylightSavingTime() {
        let newYork = TimeZone(identifier: "America/New_York")!
        // 2026-03-08 is the spring-forward day in New York: the next day starts at UTC-4.
        let due = Due.allDay(CalendarDate("2026-03-08")!)
        #expect(RFC3339.format(due.deadline(in: newYork)) == "2026-03-09T04:00:00Z")
    }

    @Test func dateOfAnInstantDependsOnTheZone() {
        let instant = RFC3339.parse("2026-12-03T23:30:00Z")!
        #expect(CalendarDate.of(instant, in: TimeZone(identifier: "UTC")!).description == "2026-12-03")
        #expect(CalendarDate.of(instant, in: TimeZone(identifier: "Europe/Berlin")!).description == "2026-12-04")
    }
}

@Suite struct RFC3339RangeTests {
    @Test func instantsOutsideTheFourDigitYearsAreRefused() {
        #expect(RFC3339.parse("0001-01-01T00:00:00+23:59") == nil)
        #expect(RFC3339.parse("9999-12-31T23:59:59-23:59") == nil)
        #expect(RFC3339.parse("0001-01-01T00:00:00Z").map { RFC3339.format($0) } == "0001-01-01T00:00:00Z")
        #expect(RFC3339.parse("9999-12-31T23:59:59Z").map { RFC3339.format($0) } == "9999-12-31T23:59:59Z")
    }
}
