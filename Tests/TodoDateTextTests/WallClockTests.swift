import Foundation
import Testing
import TodoCore
import TodoDateText

@Suite struct WallClockTests {
    private let nine = LocalTime(hour: 9, minute: 0)!

    @Test func convertsWallTimesOnEitherSideOfTheSpringChange() {
        #expect(WallClock.instant(day("2026-03-07"), nine, in: newYork) == instant("2026-03-07T14:00:00Z"))
        #expect(WallClock.instant(day("2026-03-08"), nine, in: newYork) == instant("2026-03-08T13:00:00Z"))
    }

    @Test func readsATimeInTheGapWithTheOffsetBeforeIt() {
        let skipped = LocalTime(hour: 2, minute: 30)!
        #expect(WallClock.instant(day("2026-03-08"), skipped, in: newYork) == instant("2026-03-08T07:30:00Z"))
    }

    @Test func readsARepeatedTimeAsItsFirstOccurrence() {
        let repeated = LocalTime(hour: 1, minute: 30)!
        #expect(WallClock.instant(day("2026-11-01"), repeated, in: newYork) == instant("2026-11-01T05:30:00Z"))
    }

    @Test func readsLocalTimeBack() {
        #expect(WallClock.localTime(of: instant("2026-03-08T13:00:00Z"), in: newYork) == nine)
        let utc = TimeZone(identifier: "UTC")!
        #expect(WallClock.localTime(of: instant("1969-12-31T23:59:00Z"), in: utc) == LocalTime(hour: 23, minute: 59))
    }

    @Test func findsTheNextOccurrenceOfATime() {
        let context = DateContext(now: referenceNow, timeZone: newYork)
        #expect(context.nextOccurrence(of: nine) == instant("2026-03-06T09:00:00-05:00"))
        #expect(context.nextOccurrence(of: LocalTime(hour: 17, minute: 0)!) == instant("2026-03-05T17:00:00-05:00"))
    }
}
