import Foundation
import Testing
import TodoCore

/// The one policy for wall-clock times daylight saving skips or repeats (RFC 5545 3.3.5).
@Suite struct LocalDateTimeTests {
    private func local(_ text: String) throws -> LocalDateTime { try #require(LocalDateTime(text)) }
    private func zone(_ id: String) throws -> TimeZone { try #require(TimeZone(identifier: id)) }

    @Test func aTimeInTheSpringGapMovesForwardByTheGap() throws {
        let instant = try local("2026-03-08T02:30:00").instant(in: zone("America/New_York"))
        #expect(RFC3339.format(instant) == "2026-03-08T07:30:00Z")
        #expect(RFC3339.format(instant, in: try zone("America/New_York")) == "2026-03-08T03:30:00-04:00")
    }

    @Test func aRepeatedTimeMeansItsFirstOccurrence() throws {
        let berlin = try zone("Europe/Berlin")
        let instant = try local("2026-10-25T02:30:00").instant(in: berlin)
        #expect(RFC3339.format(instant, in: berlin) == "2026-10-25T02:30:00+02:00")
    }

    @Test func ordinaryTimesRoundTrip() throws {
        for id in ["America/New_York", "Europe/London", "Australia/Sydney", "Asia/Kolkata", "UTC"] {
            let timeZone = try zone(id)
            let time = try local("2026-07-14T09:15:30")
            #expect(LocalDateTime.of(time.instant(in: timeZone), in: timeZone) == time)
        }
    }

    @Test func parsesOnlyItsOwnForm() {
        #expect(LocalDateTime("2026-02-29T09:00:00") == nil)
        #expect(LocalDateTime("2026-03-01T24:00:00") == nil)
        #expect(LocalDateTime("2026-03-01 09:00:00") == nil)
        #expect(LocalDateTime("2026-03-01T09:00:00")?.description == "2026-03-01T09:00:00")
    }
}
