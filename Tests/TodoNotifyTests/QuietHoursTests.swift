import Foundation
import Testing
import TodoCore
import TodoEvents
import TodoNotify
import TodoTestSupport

@Suite struct QuietHoursTests {
    private func quiet(_ start: String, _ end: String) -> QuietHours {
        QuietHours(start: LocalTime(start)!, end: LocalTime(end)!)
    }

    private func at(_ text: String) -> Date { RFC3339.parse(text)! }

    @Test func aWindowAcrossMidnightHoldsUntilItsEndInTheUsersZone() {
        let berlin = TimeZone(identifier: "Europe/Berlin")!
        let window = quiet("22:00", "07:00")

        // 23:30 and 06:59 Berlin time (CET, +01:00) are inside; 07:00 and 21:59 are not.
        #expect(window.end(containing: at("2026-12-04T22:30:00Z"), in: berlin) == at("2026-12-05T06:00:00Z"))
        #expect(window.end(containing: at("2026-12-05T05:59:00Z"), in: berlin) == at("2026-12-05T06:00:00Z"))
        #expect(window.end(containing: at("2026-12-05T06:00:00Z"), in: berlin) == nil)
        #expect(window.end(containing: at("2026-12-04T20:59:00Z"), in: berlin) == nil)
    }

    @Test func aSameDayWindowHoldsOnlyInside() {
        let tokyo = TimeZone(identifier: "Asia/Tokyo")!
        let window = quiet("12:00", "13:30")

        #expect(window.end(containing: at("2026-12-04T03:15:00Z"), in: tokyo) == at("2026-12-04T04:30:00Z"))
        #expect(window.end(containing: at("2026-12-04T04:30:00Z"), in: tokyo) == nil)
        #expect(window.end(containing: at("2026-12-04T02:59:00Z"), in: tokyo) == nil)
    }

    @Test func onTheSpringForwardNightTheWindowEndsAtLocalWallClockTime() {
        let newYork = TimeZone(identifier: "America/New_York")!
        let window = quiet("23:00", "07:00")

        // 2026-03-08: clocks jump from 02:00 EST to 03:00 EDT. 01:30 EST (06:30Z) is inside; the
        // window ends at 07:00 EDT = 11:00Z, not 12:00Z.
        #expect(window.end(containing: at("2026-03-08T06:30:00Z"), in: newYork) == at("2026-03-08T11:00:00Z"))
        // 23:30 EST the evening before also ends at 07:00 EDT.
        #expect(window.end(containing: at("2026-03-08T04:30:00Z"), in: newYork) == at("2026-03-08T11:00:00Z"))
    }

    @Test func anEndInsideTheSpringForwardGapIsTakenAfterTheJump() {
        let newYork = TimeZone(identifier: "America/New_York")!
        let window = quiet("01:00", "02:30")

        // 02:30 does not exist on 2026-03-08; it is read as 03:30 EDT (07:30Z).
        #expect(window.end(containing: at("2026-03-08T06:15:00Z"), in: newYork) == at("2026-03-08T07:30:00Z"))
    }

    @Test func onTheFallBackNightTheFirstOccurrenceOfTheEndCounts() {
        let newYork = TimeZone(identifier: "America/New_York")!
        let window = quiet("00:30", "01:30")

        // 2026-11-01: 01:30 happens twice (EDT 05:30Z, then EST 06:30Z); the window ends at the first.
        #expect(window.end(containing: at("2026-11-01T04:45:00Z"), in: newYork) == at("2026-11-01T05:30:00Z"))
    }
}

@Suite struct QuietHoursDeliveryTests {
    let harness: NotifyHarness

    init() throws {
        harness = try NotifyHarness()
    }

    @Test func aReminderDueInQuietHoursIsDeliveredWhenTheyEnd() throws {
        defer { harness.close() }
        let consumer = harness.consumer()
        try consumer.start()
        defer { consumer.stop() }
        let user = try harness.user(timeZone: "Europe/Berlin", quiet: ("22:00", "07:00"))
        // Due 23:40 Berlin, reminder 10 minutes before: 23:30 local = 22:30Z.
        harness.clock.set(RFC3339.parse("2026-12-04T20:00:00Z")!)
        _ = try harness.task(for: user, due: RFC3339.parse("2026-12-04T22:40:00Z")!)
        #expect(harness.waitForSchedule(consumer))

        harness.clock.set(RFC3339.parse("2026-12-04T22:30:00Z")!)
        let held = try harness.dispatcher().runDue()
        #expect(held.deferred == 1 && held.delivered == 0)
        #expect(try harness.store.read { try $0.nextReminderWake() } == RFC3339.parse("2026-12-05T06:00:00Z"))

        harness.clock.set(RFC3339.parse("2026-12-05T05:59:59Z")!)
        #expect(try harness.dispatcher().runDue().delivered == 0)
        harness.clock.set(RFC3339.parse("2026-12-05T06:00:00Z")!)
        let outcome = try harness.dispatcher().runDue()
        #expect(outcome.delivered == 1 && outcome.late == 1)
        #expect(try harness.notifications(of: user).first?.late == true)
    }

    @Test func underTheDropPolicyAReminderInQuietHoursIsNeverDelivered() throws {
        defer { harness.close() }
        let consumer = harness.consumer()
        try consumer.start()
        defer { consumer.stop() }
        let user = try harness.user(timeZone: "America/New_York", quiet: ("21:00", "06:00"))
        try harness.store.write {
            try $0.save(preferences: NotificationPreferences(userID: user.id, quietPolicy: .drop))
        }
        harness.clock.set(RFC3339.parse("2026-12-05T00:00:00Z")!)
        _ = try harness.task(for: user, due: RFC3339.parse("2026-12-05T03:10:00Z")!)
        #expect(harness.waitForSchedule(consumer))

        harness.clock.set(RFC3339.parse("2026-12-05T03:00:00Z")!)
        #expect(try harness.dispatcher().runDue().dropped == 1)
        harness.clock.set(RFC3339.parse("2026-12-05T12:00:00Z")!)
        #expect(try harness.dispatcher().runDue().delivered == 0)
        #expect(try harness.notifications(of: user).isEmpty)
    }
}
