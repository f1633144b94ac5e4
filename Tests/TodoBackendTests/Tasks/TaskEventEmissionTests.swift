import Foundation
import Testing
import TodoCore
import TodoHTTP

/// Every change through the API appends its events in the same transaction (the outbox).
@Suite struct TaskEventEmissionTests {
    let backend: BackendHarness
    let token: String

    init() throws {
        backend = try BackendHarness()
        token = try backend.signUp("ada", timezone: "Europe/Berlin")
    }

    private func userID() -> String {
        backend.send(.get, "/api/me", token: token).id
    }

    @Test func creatingATask_emitsCreatedSyncAndReminderEventsWithTheRequestsCorrelationID() throws {
        let reply = backend.send(
            .post, "/api/tasks", token: token,
            json: [
                "title": "Call the bank", "priority": "high", "due_at": "2026-12-02T09:30:00+01:00",
                "reminders": [["minutes_before": 15]],
            ],
            headers: [("X-Correlation-ID", "tour-42")])
        #expect(reply.status == 201)

        let created = try #require(try backend.events(EventTopics.taskEvents).first)
        #expect(created.type == TaskEventType.created.rawValue)
        #expect(created.subject == "tasks/\(reply.id)")
        #expect(created.source == "/backend")
        #expect(created.correlationID == "tour-42")
        #expect(created.userID == userID())
        #expect(created.data["task"]?["title"] == "Call the bank")
        #expect(created.data["task"]?["version"] == 1)
        #expect(created.data["changed_fields"] == ["title", "priority", "due", "reminders"])

        let sync = try #require(try backend.events(EventTopics.taskUpdates).first)
        #expect(sync.type == SyncEventType.changed.rawValue)
        #expect(sync.data["task"]?["id"] == .string(reply.id))
        #expect(sync.id != created.id)

        let reminder = try #require(try backend.events(EventTopics.reminders).first)
        #expect(reminder.type == ReminderEventType.scheduled.rawValue)
        #expect(
            reminder.data["reminders"] == [["kind": "before", "minutes_before": 15, "fire_at": "2026-12-02T08:15:00Z"]])
        #expect(reminder.correlationID == "tour-42")
    }

    @Test func eachStepOfATasksLife_emitsItsTypeInOrder() throws {
        let id = try backend.createTask(token, ["title": "Write report", "due_date": "2026-12-20"])["id"]?.stringValue
        let path = "/api/tasks/\(id ?? "")"

        #expect(backend.send(.patch, path, token: token, json: ["title": "Write the report"]).status == 200)
        #expect(backend.send(.post, path + "/complete", token: token).status == 200)
        #expect(backend.send(.post, path + "/reopen", token: token).status == 200)
        #expect(backend.send(.delete, path, token: token).status == 204)

        let events = try backend.events(EventTopics.taskEvents)
        #expect(events.map(\.type) == TaskEventType.allCases.map(\.rawValue))
        #expect(events.map { $0.data["version"] } == [1, 2, 3, 4, 4])
        #expect(events[1].data["changed_fields"] == ["title"])
        #expect(events[2].data["changed_fields"] == ["completed"])
        #expect(events[4].data["task"]?["title"] == "Write the report")
        #expect(Set(events.map(\.id)).count == events.count)

        let sync = try backend.events(EventTopics.taskUpdates).map(\.type)
        #expect(sync == Array(repeating: SyncEventType.changed.rawValue, count: 4) + [SyncEventType.deleted.rawValue])
        #expect(try backend.events(EventTopics.reminders).isEmpty)
    }

    @Test func remindersAreCancelledOnCompletionAndRescheduledOnReopenOrDueChange() throws {
        let id = try backend.createTask(
            token, ["title": "Dentist", "due_at": "2026-12-10T10:00:00Z", "reminders": [["minutes_before": 60]]]
        )["id"]?.stringValue
        let path = "/api/tasks/\(id ?? "")"

        #expect(backend.send(.patch, path, token: token, json: ["priority": "low"]).status == 200)
        #expect(backend.send(.patch, path, token: token, json: ["due_at": "2026-12-11T10:00:00Z"]).status == 200)
        #expect(backend.send(.post, path + "/complete", token: token).status == 200)
        #expect(backend.send(.post, path + "/reopen", token: token).status == 200)
        #expect(backend.send(.patch, path, token: token, json: ["reminders": []]).status == 200)

        let reminders = try backend.events(EventTopics.reminders)
        let scheduled = ReminderEventType.scheduled.rawValue
        let cancelled = ReminderEventType.cancelled.rawValue
        #expect(reminders.map(\.type) == [scheduled, scheduled, cancelled, scheduled, cancelled])
        #expect(reminders[1].data["reminders"]?.arrayValue?.first?["fire_at"] == "2026-12-11T09:00:00Z")
        #expect(reminders.map { $0.data["reason"] } == [nil, nil, "completed", nil, "cleared"])
    }

    @Test func aChangeTheAPIRefuses_emitsNothing() throws {
        let id = try backend.createTask(token, ["title": "Stable"])["id"]?.stringValue ?? ""
        let before = try backend.events(EventTopics.taskEvents).count

        #expect(backend.send(.post, "/api/tasks", token: token, json: ["title": ""]).status == 422)
        let stale = backend.send(
            .patch, "/api/tasks/\(id)", token: token, json: ["title": "x"], headers: [("If-Match", "\"9\"")])
        #expect(stale.status == 412)
        #expect(backend.send(.post, "/api/tasks/\(id)/reopen", token: token).status == 200)

        #expect(try backend.events(EventTopics.taskEvents).count == before)
    }

    @Test func aTimezoneChange_emitsAnUpdateForEachAllDayTaskWhoseDeadlineMoved() throws {
        _ = try backend.createTask(token, ["title": "All day", "due_date": "2026-12-20"])
        _ = try backend.createTask(token, ["title": "Exact", "due_at": "2026-12-20T10:00:00Z"])

        #expect(backend.send(.patch, "/api/me", token: token, json: ["timezone": "America/New_York"]).status == 200)

        let updates = try backend.events(EventTopics.taskEvents).filter { $0.type == TaskEventType.updated.rawValue }
        #expect(updates.count == 1)
        #expect(updates.first?.data["changed_fields"] == ["due"])
        #expect(updates.first?.data["task"]?["timezone"] == "America/New_York")
    }

    @Test func everyEventOfOneUser_isKeyedByThatUserAndSharesOnePartition() throws {
        for index in 0..<12 { _ = try backend.createTask(token, ["title": .string("Task \(index)")]) }

        let topic = try #require(try backend.eventLog.topics().first { $0.name == EventTopics.taskEvents })
        let nonEmpty = topic.partitions.filter { $0.endOffset > $0.startOffset }
        #expect(nonEmpty.count == 1)
        let messages = try backend.eventLog.read(
            topic: EventTopics.taskEvents, partition: nonEmpty[0].partition, from: 0, limit: 100)
        #expect(Set(messages.map(\.key)) == [userID()])
        #expect(messages.allSatisfy { $0.header("content-type") == CloudEvent.contentType })
    }
}

/// A change and its events commit together or not at all.
@Suite struct TaskEventAtomicityTests {
    @Test func aFailureAfterTheTaskWriteAndBeforeCommit_leavesNeitherTheTaskNorAnyEvent() throws {
        // No `reminders` topic: the task row and its first two events are written, then appending
        // the reminder event fails inside the same transaction.
        let topics = EventTopics.standard(partitions: 2).filter { $0.name != EventTopics.reminders }
        let backend = try BackendHarness(topics: topics)
        let token = try backend.signUp("ada")

        let reply = backend.send(
            .post, "/api/tasks", token: token,
            json: ["title": "Doomed", "due_at": "2026-12-10T10:00:00Z", "reminders": [["minutes_before": 5]]])

        #expect(reply.status == 503)
        #expect(reply.errorCode == "event_log_not_ready")
        #expect(backend.send(.get, "/api/tasks", token: token).json["tasks"] == [])
        #expect(try backend.events(EventTopics.taskEvents).isEmpty)
        #expect(try backend.events(EventTopics.taskUpdates).isEmpty)

        let plain = backend.send(.post, "/api/tasks", token: token, json: ["title": "Fine"])
        #expect(plain.status == 201)
        #expect(try backend.events(EventTopics.taskEvents).count == 1)
    }
}
