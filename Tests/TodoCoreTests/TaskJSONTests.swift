import Foundation
import Testing
import TodoCore

/// The task shape as bytes (responses, events) and as a value (tool results) is one definition:
/// the value built directly is exactly what parsing the bytes gives.
@Suite struct TaskJSONTests {
    static let created = RFC3339.parse("2026-03-05T10:00:00Z")!
    static let berlin = TimeZone(identifier: "Europe/Berlin")!

    static let tasks: [TodoTask] = [
        TodoTask(id: "t1", ownerID: "u", title: "Plain", createdAt: created, updatedAt: created),
        TodoTask(
            id: "t2", ownerID: "u", title: "Quote \" and \\ and\nnewline ✓", description: "Notes 🦷",
            completed: true, completedAt: created.addingTimeInterval(60), priority: .urgent,
            tags: ["home", "errands"], due: .instant(created.addingTimeInterval(86_400)),
            recurrence: "FREQ=WEEKLY;BYDAY=MO", recurrenceMode: .fromCompletion, seriesID: "s1", occurrence: 3,
            reminders: [.before(minutes: 15), .at(created.addingTimeInterval(3_600))], createdAt: created,
            updatedAt: created.addingTimeInterval(120), version: 7),
        TodoTask(
            id: "t3", ownerID: "u", title: "All day", priority: .low, due: .allDay(CalendarDate("2026-03-06")!),
            createdAt: created, updatedAt: created),
    ]

    @Test(arguments: tasks)
    func theValueIsWhatTheBytesParseTo(task: TodoTask) throws {
        let parsed = try JSONValue.parse(TaskJSON.encode(task, timeZone: Self.berlin))

        #expect(TaskJSON.value(task, timeZone: Self.berlin) == parsed)
    }

    @Test func theBuilderNestsObjectsAndArrays() {
        var builder = JSONValueBuilder()
        builder.beginObject()
        builder.key("list")
        builder.beginArray()
        builder.int(1)
        builder.beginObject()
        builder.key("empty")
        builder.beginArray()
        builder.endArray()
        builder.endObject()
        builder.string(nil as String?)
        builder.endArray()
        builder.key("ok")
        builder.bool(true)
        builder.endObject()

        #expect(builder.value == .object(["list": .array([1, .object(["empty": .array([])]), .null]), "ok": true]))
    }
}
