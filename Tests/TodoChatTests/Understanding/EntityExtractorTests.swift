import Foundation
import Testing
import TodoChat
import TodoCore
import TodoDateText

@Suite struct EntityExtractorTests {
    private let extractor = EntityExtractor(
        context: DateContext(now: RFC3339.parse("2026-03-05T10:00:00-05:00")!, timeZone: newYork))

    private func details(_ text: String) -> TaskDetails {
        extractor.extract(MessageNormalizer().normalize(text).tokens)
    }

    @Test func readsTagsWrittenEveryWay() {
        #expect(details("call bank #finance #Home").tags == ["finance", "Home"])
        #expect(details("buy ink and tag it work").tags == ["work"])
        #expect(details("review budget tagged as finance and q1").tags == ["finance", "q1"])
        #expect(details("eggs to my shopping list").tags == ["shopping"])
        #expect(details("eggs on my list").tags.isEmpty)
        #expect(details("gift ideas with the tag family").rest.text == "gift ideas")
    }

    @Test(arguments: [
        ("fix it urgent", Priority.urgent), ("fix it asap", .urgent), ("fix it !!", .urgent), ("p1 fix it", .urgent),
        ("fix it !", .high), ("fix it, important", .high), ("high priority: fix it", .high), ("p2 fix it", .high),
        ("fix it p3", .medium), ("fix it, medium priority", .medium), ("fix it low priority", .low),
        ("fix it, no rush", .low), ("fix it p4", .low), ("fix it priority: high", .high),
    ])
    func readsPriorities(text: String, expected: Priority) {
        let found = details(text)
        #expect(found.priority == expected, "\(text)")
        #expect(found.rest.text == "fix it", "\(text)")
    }

    @Test func leavesExclamationAttachedToAWordAlone() {
        #expect(details("buy milk!!").priority == nil)
    }

    @Test func readsRemindersSeparatelyFromTheDueDate() {
        let found = details("dentist friday at 2pm and remind me 30 minutes before")
        #expect(found.due == .instant(instant("2026-03-06T14:00:00-05:00")))
        #expect(found.reminders == [.before(minutes: 30)])
        #expect(found.rest.text == "dentist")

        let atTime = details("pay the phone bill on monday with a reminder at 8am")
        #expect(atTime.due == .day(day("2026-03-09")))
        #expect(atTime.reminders == [.at(.time(LocalTime(hour: 8, minute: 0)!))])
        #expect(details("concert saturday with a 15 minute reminder").reminders == [.before(minutes: 15)])
    }

    @Test func readsARepeatBeforeTheDate() {
        let found = details("water plants every other monday at 9am")
        #expect(found.recurrence?.rrule == "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO")
        #expect(found.due == .time(LocalTime(hour: 9, minute: 0)!))
        #expect(found.rest.text == "water plants")
        // A bare "weekly" that starts a title gives way to the fuller phrase after it.
        let review = details("weekly review every friday")
        #expect(review.recurrence?.rrule == "FREQ=WEEKLY;BYDAY=FR")
        #expect(review.rest.text == "weekly review")
        #expect(details("call the bank every hour").unsupportedRecurrence != nil)
    }

    @Test func neverReadsQuotedWords() {
        let found = details(#""meeting tomorrow #notes" urgent"#)
        #expect(found.due == nil)
        #expect(found.tags.isEmpty)
        #expect(found.priority == .urgent)
        #expect(found.rest.text == "meeting tomorrow #notes")
    }
}
