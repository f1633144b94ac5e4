import Foundation
import Testing
import TodoCore
import TodoEvents
import TodoRecurring
import TodoSQLite
import TodoTestSupport

/// The recurring-task service over the real consumer path: the API completes a task, the
/// embedded log carries the event, the `recurring` group's consumer creates the next instance.
@Suite struct RecurringTaskServiceTests {
    let harness: RecurringHarness
    let token: String

    init() throws {
        harness = try RecurringHarness()
        token = try harness.signUp("ada")
    }

    private func weeklyTask() throws -> JSONValue {
        try harness.createTask(
            token,
            [
                "title": "Water the plants", "description": "Both balconies", "priority": "high",
                "tags": ["home", "Garden"], "due_at": "2026-03-03T09:00:00-05:00", "recurrence": "FREQ=WEEKLY;BYDAY=TU",
                "reminders": [["minutes_before": 30], ["at": "2026-03-03T12:00:00Z"]],
            ])
    }

    private func pending(_ tasks: [JSONValue]) -> [JSONValue] {
        tasks.filter { $0["completed"] == false }
    }

    @Test func completingRecurringTask_createsExactlyOneNextInstance() throws {
        let consumer = try harness.startConsumer()
        defer { consumer.stop() }
        let first = try weeklyTask()
        #expect(first["occurrence"] == 1)
        #expect(first["recurrence_mode"] == "from_schedule")

        try harness.complete(token, first["id"]?.stringValue ?? "", correlationID: "checkout-42")

        #expect(try eventually { try harness.tasks(token).count == 2 })
        #expect(try harness.waitForNoLag())
        let next = try #require(pending(try harness.tasks(token)).first)
        #expect(next["title"] == "Water the plants")
        #expect(next["description"] == "Both balconies")
        #expect(next["priority"] == "high")
        #expect(next["tags"] == ["home", "Garden"])
        #expect(next["reminders"] == [["minutes_before": 30]])
        #expect(next["due_at_local"] == "2026-03-10T09:00:00-04:00")
        #expect(next["series_id"] == first["series_id"])
        #expect(next["occurrence"] == 2)
        #expect(next["recurrence"] == first["recurrence"])
        #expect(try harness.tasks(token).count == 2)

        // Its events come from /recurring with the completion's correlation id, on every topic.
        let created = try harness.events(EventTopics.taskEvents).filter { $0.data["task_id"] == next["id"] }
        #expect(created.map(\.type) == [TaskEventType.created.rawValue])
        #expect(created.first?.source == "/recurring")
        #expect(created.first?.correlationID == "checkout-42")
        let reminders = try harness.events(EventTopics.reminders).filter { $0.data["task_id"] == next["id"] }
        #expect(reminders.map(\.type) == [ReminderEventType.scheduled.rawValue])
        #expect(reminders.first?.data["reminders"]?.arrayValue?.first?["fire_at"] == "2026-03-10T12:30:00Z")
        let sync = try harness.events(EventTopics.taskUpdates).filter { $0.data["task_id"] == next["id"] }
        #expect(sync.map(\.correlationID) == ["checkout-42"])
    }

    @Test func redeliveredCompletion_changesNothing() throws {
        let consumer = try harness.startConsumer()
        defer { consumer.stop() }
        let first = try weeklyTask()
        try harness.complete(token, first["id"]?.stringValue ?? "")
        #expect(try eventually { try harness.tasks(token).count == 2 })
        #expect(try harness.waitForNoLag())

        // The same event again (a crash between commit and offset commit), and the same completion
        // under a new event id (a producer that retried): neither adds an instance.
        let completion = try #require(try harness.taskEventMessages(type: .completed).first)
        var replay = try CloudEvent.decode(completion.value)
        replay.id = UUIDv7Generator().next()
        try harness.eventLog.publish([
            OutgoingMessage(topic: completion.topic, key: completion.key, value: completion.value),
            OutgoingMessage(topic: completion.topic, key: completion.key, value: replay.encoded()),
        ])

        #expect(eventually { consumer.counts.duplicates == 1 && consumer.counts.processed >= 3 })
        #expect(try harness.waitForNoLag())
        #expect(try harness.tasks(token).count == 2)
        #expect(try harness.events(EventTopics.taskEvents).filter { $0.source == "/recurring" }.count == 1)
    }

    @Test func completeReopenComplete_createsOneInstance() throws {
        let consumer = try harness.startConsumer()
        defer { consumer.stop() }
        let id = try weeklyTask()["id"]?.stringValue ?? ""

        try harness.complete(token, id)
        #expect(harness.send(.post, "/api/tasks/\(id)/reopen", token: token).status == 200)
        try harness.complete(token, id)

        #expect(try harness.waitForNoLag())
        #expect(try harness.taskEventMessages(type: .completed).count == 2)
        #expect(try harness.tasks(token).count == 2)
        #expect(try pending(harness.tasks(token)).map { $0["occurrence"] } == [2])
    }

    @Test func twoReplicasOfTheService_createOneInstancePerCompletion() throws {
        // A second process on the same file: its own store and log, the same consumer group.
        let otherStore = try SQLiteStore(path: harness.path)
        let otherLog = SQLiteEventLog(store: otherStore, pollInterval: 0.02)
        defer {
            otherLog.close()
            otherStore.close()
        }
        let one = try harness.startConsumer()
        let two = try harness.startConsumer(log: otherLog, store: otherStore)
        defer {
            one.stop()
            two.stop()
        }

        // Both members hold partitions, and users in every partition, so both replicas do work.
        #expect(
            try eventually {
                let group = try harness.eventLog.groups().first { $0.group == RecurringTaskService.group }
                return group?.members.count == 2 && group?.members.allSatisfy { !$0.assignments.isEmpty } == true
            })
        var users: [String] = []
        var partitions: Set<Int> = []
        for index in 0..<40 where partitions.count < 3 {
            let user = try harness.signUp("user\(index)")
            let id = harness.send(.get, "/api/me", token: user).json["id"]?.stringValue ?? ""
            partitions.insert(Partitioner.partition(forKey: id, partitions: 3))
            users.append(user)
        }

        // Every task completed, reopened and completed again.
        for user in users {
            let id = try harness.createTask(
                user, ["title": "Standup", "due_date": "2026-03-02", "recurrence": "FREQ=DAILY"])["id"]?.stringValue
            try harness.complete(user, id ?? "")
            #expect(harness.send(.post, "/api/tasks/\(id ?? "")/reopen", token: user).status == 200)
            try harness.complete(user, id ?? "")
        }

        #expect(try harness.waitForNoLag())
        for user in users {
            let tasks = try harness.tasks(user)
            #expect(tasks.count == 2)
            #expect(pending(tasks).map { $0["due_date"] } == ["2026-03-03"])
        }
        #expect(one.counts.processed > 0 && two.counts.processed > 0)
    }

    @Test func lateCompletion_createsOneInstanceStillAhead() throws {
        let consumer = try harness.startConsumer()
        defer { consumer.stop() }
        let daily = try harness.createTask(
            token, ["title": "Vitamins", "due_at": "2026-03-02T08:00:00-05:00", "recurrence": "FREQ=DAILY"])

        // Completed five days late, at 10:00 on March 7th in New York.
        harness.clock.set(RFC3339.parse("2026-03-07T15:00:00Z")!)
        try harness.complete(token, daily["id"]?.stringValue ?? "")

        #expect(try harness.waitForNoLag())
        let tasks = try harness.tasks(token)
        #expect(tasks.count == 2)
        #expect(pending(tasks).map { $0["due_at_local"] } == ["2026-03-08T08:00:00-04:00"])
    }

    @Test func fromCompletion_countsFromTheDayItWasDone() throws {
        let consumer = try harness.startConsumer()
        defer { consumer.stop() }
        let task = try harness.createTask(
            token,
            [
                "title": "Clean the filter", "due_date": "2026-03-02", "recurrence": "FREQ=DAILY;INTERVAL=10",
                "recurrence_mode": "from_completion",
            ])

        harness.clock.set(RFC3339.parse("2026-03-05T15:00:00Z")!)
        try harness.complete(token, task["id"]?.stringValue ?? "")

        #expect(try harness.waitForNoLag())
        let next = try #require(pending(try harness.tasks(token)).first)
        #expect(next["due_date"] == "2026-03-15")
        #expect(next["recurrence_mode"] == "from_completion")
    }

    @Test func countEndsTheSeries() throws {
        let consumer = try harness.startConsumer()
        defer { consumer.stop() }
        let first = try harness.createTask(
            token, ["title": "Physio", "due_date": "2026-03-02", "recurrence": "FREQ=WEEKLY;COUNT=2"])

        try harness.complete(token, first["id"]?.stringValue ?? "")
        #expect(try eventually { try pending(harness.tasks(token)).count == 1 })
        let second = try #require(pending(try harness.tasks(token)).first)
        #expect(second["due_date"] == "2026-03-09")
        try harness.complete(token, second["id"]?.stringValue ?? "")

        #expect(try harness.waitForNoLag())
        #expect(try harness.tasks(token).count == 2)
        #expect(try pending(harness.tasks(token)).isEmpty)
        #expect(harness.logs.records.contains { $0.metadata["reason"] == "series_ended" })
    }

    @Test func aRepeatingTaskFromBeforeSeries_getsItsSeriesWhenCompleted() throws {
        let consumer = try harness.startConsumer()
        defer { consumer.stop() }
        let id = try weeklyTask()["id"]?.stringValue ?? ""
        let ownerID = try #require(try harness.events(EventTopics.taskEvents).first?.userID)

        // As the 0003 migration leaves a repeating task written before it: in no series.
        try harness.store.write { writer in
            var legacy = try #require(try writer.task(id: id, ownerID: ownerID))
            let seriesID = try #require(legacy.seriesID)
            legacy.seriesID = nil
            legacy.occurrence = nil
            #expect(try writer.update(task: legacy, expectedVersion: legacy.version))
            #expect(try writer.deleteSeries(id: seriesID, ownerID: ownerID))
        }
        try harness.complete(token, id)

        #expect(try harness.waitForNoLag())
        let tasks = try harness.tasks(token)
        let original = try #require(tasks.first { $0["id"]?.stringValue == id })
        let next = try #require(pending(tasks).first)
        #expect(tasks.count == 2)
        #expect(original["occurrence"] == 1)
        #expect(original["series_id"] != .null)
        #expect(next["series_id"] == original["series_id"])
        #expect(next["occurrence"] == 2)
        #expect(next["due_at_local"] == "2026-03-10T09:00:00-04:00")
    }
}
