import Foundation
import Testing
import TodoCore
import TodoRecurring
import TodoTestSupport

/// "This and following" through the API: `?scope=following` on PATCH and DELETE, on a series with
/// several instances made by the recurring-task service.
@Suite struct SeriesEditingTests {
    let harness: RecurringHarness
    let token: String

    init() throws {
        harness = try RecurringHarness()
        token = try harness.signUp("ada")
    }

    /// Three instances of a weekly series: the first two completed (the second reopened again), the
    /// third pending. Returns their ids by occurrence.
    private func threeInstances(_ rule: String = "FREQ=WEEKLY;BYDAY=TU") throws -> [String] {
        let first = try harness.createTask(
            token,
            [
                "title": "Team sync", "tags": ["work"], "due_at": "2026-03-03T09:00:00-05:00",
                "recurrence": .string(rule), "reminders": [["minutes_before": 10]],
            ])
        try harness.complete(token, first["id"]?.stringValue ?? "")
        #expect(try eventually { try harness.tasks(token).count == 2 })
        let second = try #require(try byOccurrence()[2]?["id"]?.stringValue)
        try harness.complete(token, second)
        #expect(try eventually { try harness.tasks(token).count == 3 })
        #expect(harness.send(.post, "/api/tasks/\(second)/reopen", token: token).status == 200)
        return try (1...3).map { try #require(try byOccurrence()[$0]?["id"]?.stringValue) }
    }

    private func byOccurrence() throws -> [Int: JSONValue] {
        Dictionary(
            try harness.tasks(token).compactMap { task in task["occurrence"]?.intValue.map { ($0, task) } },
            uniquingKeysWith: { first, _ in first })
    }

    @Test func patchWithScopeThis_changesOneOccurrence() throws {
        let consumer = try harness.startConsumer()
        defer { consumer.stop() }
        let ids = try threeInstances()

        let reply = harness.send(.patch, "/api/tasks/\(ids[1])", token: token, json: ["title": "Team sync (moved)"])

        #expect(reply.status == 200)
        let tasks = try byOccurrence()
        #expect(
            tasks.mapValues { $0["title"]?.stringValue ?? "" } == [
                1: "Team sync", 2: "Team sync (moved)", 3: "Team sync",
            ])
    }

    @Test func patchWithScopeFollowing_changesThisAndLaterOccurrencesWithTheirEvents() throws {
        let consumer = try harness.startConsumer()
        defer { consumer.stop() }
        let ids = try threeInstances()

        let reply = harness.send(
            .patch, "/api/tasks/\(ids[1])?scope=following", token: token,
            json: ["title": "Planning", "priority": "high", "reminders": [["minutes_before": 60]]])

        #expect(reply.status == 200)
        let tasks = try byOccurrence()
        #expect(tasks.mapValues { $0["title"]?.stringValue ?? "" } == [1: "Team sync", 2: "Planning", 3: "Planning"])
        #expect(tasks[3]?["priority"] == "high")
        #expect(tasks[3]?["reminders"] == [["minutes_before": 60]])
        #expect(tasks[3]?["due_at_local"] == "2026-03-17T09:00:00-04:00")
        let updated = try harness.events(EventTopics.taskEvents).filter {
            $0.type == TaskEventType.updated.rawValue
                && $0.data["changed_fields"]?.arrayValue?.contains("title") == true
        }
        #expect(Set(updated.compactMap { $0.data["task_id"]?.stringValue }) == Set([ids[1], ids[2]]))
    }

    @Test func aNewRuleApplies_fromThisOccurrenceOn() throws {
        let consumer = try harness.startConsumer()
        defer { consumer.stop() }
        let ids = try threeInstances()

        // From the third occurrence on: Thursdays at 17:00.
        let reply = harness.send(
            .patch, "/api/tasks/\(ids[2])?scope=following", token: token,
            json: ["recurrence": "FREQ=WEEKLY;BYDAY=TH", "due_at": "2026-03-19T17:00:00-04:00"])
        #expect(reply.status == 200)
        #expect(try byOccurrence()[1]?["recurrence"] == "FREQ=WEEKLY;BYDAY=TU")

        try harness.complete(token, ids[2])
        #expect(try eventually { try harness.tasks(token).count == 4 })
        let fourth = try #require(try byOccurrence()[4])
        #expect(fourth["due_at_local"] == "2026-03-26T17:00:00-04:00")
        #expect(fourth["recurrence"] == "FREQ=WEEKLY;BYDAY=TH")
    }

    @Test func movingTheDueTimeOfFollowingOccurrences_keepsTheCountLeft() throws {
        let consumer = try harness.startConsumer()
        defer { consumer.stop() }
        let ids = try threeInstances("FREQ=WEEKLY;BYDAY=TU;COUNT=4")

        // The third of four Tuesdays moves to 10:00; the series keeps one more after it.
        let reply = harness.send(
            .patch, "/api/tasks/\(ids[2])?scope=following", token: token,
            json: ["due_at": "2026-03-17T10:00:00-04:00"])
        #expect(reply.status == 200)
        #expect(reply.json["recurrence"]?.stringValue?.contains("COUNT=2") == true)

        try harness.complete(token, ids[2])
        #expect(try eventually { try harness.tasks(token).count == 4 })
        let fourth = try #require(try byOccurrence()[4])
        #expect(fourth["due_at_local"] == "2026-03-24T10:00:00-04:00")
        try harness.complete(token, fourth["id"]?.stringValue ?? "")
        #expect(try harness.waitForNoLag())
        #expect(try harness.tasks(token).count == 4)
    }

    @Test func deleteWithScopeFollowing_endsTheSeriesThere() throws {
        let consumer = try harness.startConsumer()
        defer { consumer.stop() }
        let ids = try threeInstances()

        #expect(harness.send(.delete, "/api/tasks/\(ids[1])?scope=following", token: token).status == 204)
        #expect(try byOccurrence().keys.sorted() == [1])
        let deleted = try harness.events(EventTopics.taskEvents).filter { $0.type == TaskEventType.deleted.rawValue }
        #expect(Set(deleted.compactMap { $0.data["task_id"]?.stringValue }) == Set([ids[1], ids[2]]))

        // Completing what is left brings nothing back.
        #expect(harness.send(.post, "/api/tasks/\(ids[0])/reopen", token: token).status == 200)
        try harness.complete(token, ids[0])
        #expect(try harness.waitForNoLag())
        #expect(try byOccurrence().keys.sorted() == [1])
    }

    @Test func clearingTheRule_takesTheTaskOutOfItsSeries() throws {
        let consumer = try harness.startConsumer()
        defer { consumer.stop() }
        let ids = try threeInstances()

        let reply = harness.send(.patch, "/api/tasks/\(ids[2])", token: token, json: ["recurrence": .null])
        #expect(reply.status == 200)
        #expect(reply.json["series_id"] == .null)
        #expect(reply.json["occurrence"] == .null)
        #expect(reply.json["recurrence_mode"] == .null)

        try harness.complete(token, ids[2])
        #expect(try harness.waitForNoLag())
        #expect(try harness.tasks(token).count == 3)
    }

    @Test func scopeMustBeThisOrFollowing() throws {
        let id =
            try harness.createTask(
                token, ["title": "t", "due_date": "2026-03-03", "recurrence": "FREQ=DAILY"])["id"]?.stringValue ?? ""
        let reply = harness.send(.patch, "/api/tasks/\(id)?scope=all", token: token, json: ["title": "u"])
        #expect(reply.status == 422)
        #expect(reply.json["error"]?["details"]?["fields"]?.arrayValue?.first?["field"] == "scope")
        #expect(harness.send(.delete, "/api/tasks/\(id)?scope=everything", token: token).status == 422)
    }
}
