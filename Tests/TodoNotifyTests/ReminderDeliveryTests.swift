import Foundation
import Synchronization
import Testing
import TodoCore
import TodoEvents
import TodoNotify
import TodoTestSupport

@Suite struct ReminderDeliveryTests {
    let harness: NotifyHarness

    init() throws {
        harness = try NotifyHarness()
    }

    @Test func aReminderFiresAtItsSecondAndNotBefore() throws {
        defer { harness.close() }
        let consumer = harness.consumer()
        try consumer.start()
        defer { consumer.stop() }
        let user = try harness.user()
        let due = harness.clock.now.addingTimeInterval(3600)
        let task = try harness.task(for: user, due: due, minutesBefore: 10)
        #expect(harness.waitForSchedule(consumer))

        harness.clock.set(due.addingTimeInterval(-601))
        #expect(try harness.dispatcher().runDue().delivered == 0)

        harness.clock.set(due.addingTimeInterval(-600))
        let outcome = try harness.dispatcher().runDue()
        #expect(outcome.delivered == 1)
        #expect(outcome.late == 0)

        let delivered = try harness.notifications(of: user)
        #expect(delivered.map(\.taskID) == [task.id])
        #expect(delivered.first?.fireAt == due.addingTimeInterval(-600))
        #expect(delivered.first?.late == false)
        let events = try harness.inAppEvents()
        #expect(events.map(\.type) == [NotificationEventType.delivered.rawValue])
        #expect(events.first?.data["notification"]?["task_id"] == .string(task.id))

        harness.clock.advance(by: 5)
        #expect(try harness.dispatcher().runDue().delivered == 0)
    }

    @Test func theDeliveryCarriesTheCorrelationIDOfTheChangeThatSetTheReminder() throws {
        defer { harness.close() }
        let consumer = harness.consumer()
        try consumer.start()
        defer { consumer.stop() }
        let user = try harness.user()
        let due = harness.clock.now.addingTimeInterval(3600)
        _ = try harness.task(
            for: user, due: due, context: ChangeContext(correlationID: "req-7f3a", source: "/api"))
        #expect(harness.waitForSchedule(consumer))

        harness.clock.set(due)
        #expect(try harness.dispatcher().runDue().delivered == 1)

        #expect(try harness.inAppEvents().map(\.correlationID) == ["req-7f3a"])
        let delivered = harness.logs.records.filter { $0.message == "Reminder delivered" }
        #expect(delivered.map { $0.metadata["correlation.id"] } == ["req-7f3a"])
    }

    @Test func aMovedDueTimeFiresAtTheNewTimeOnly() throws {
        defer { harness.close() }
        let consumer = harness.consumer()
        try consumer.start()
        defer { consumer.stop() }
        let user = try harness.user()
        let due = harness.clock.now.addingTimeInterval(3600)
        let task = try harness.task(for: user, due: due)
        #expect(harness.waitForSchedule(consumer))

        var changes = TaskChanges()
        changes.due = .set(.instant(due.addingTimeInterval(7200)))
        _ = try harness.tasks.update(for: user, id: task.id, changes)
        #expect(harness.waitForSchedule(consumer))

        harness.clock.set(due)
        #expect(try harness.dispatcher().runDue().delivered == 0)
        harness.clock.set(due.addingTimeInterval(7200 - 600))
        #expect(try harness.dispatcher().runDue().delivered == 1)
        #expect(try harness.notifications(of: user).count == 1)
    }

    @Test func aCompletedOrDeletedTaskNeverFires() throws {
        defer { harness.close() }
        let consumer = harness.consumer()
        try consumer.start()
        defer { consumer.stop() }
        let user = try harness.user()
        let due = harness.clock.now.addingTimeInterval(3600)
        let completed = try harness.task(for: user, due: due)
        let deleted = try harness.task(for: user, due: due)
        _ = try harness.tasks.complete(for: user, id: completed.id)
        try harness.tasks.delete(for: user, id: deleted.id)
        #expect(harness.waitForSchedule(consumer))

        harness.clock.set(due)
        #expect(try harness.dispatcher().runDue().delivered == 0)
        #expect(try harness.notifications(of: user).isEmpty)
        #expect(try harness.store.read { try $0.reminderBacklog(now: due, lateAfter: 60) }.pending == 0)
    }

    @Test func afterDowntimeEachDueReminderIsDeliveredOnceAndLate_andOldOnesAreMissed() throws {
        defer { harness.close() }
        let consumer = harness.consumer()
        try consumer.start()
        defer { consumer.stop() }
        let user = try harness.user()
        let start = harness.clock.now
        _ = try harness.task(for: user, due: start.addingTimeInterval(1200))
        _ = try harness.task(for: user, due: start.addingTimeInterval(1800))
        _ = try harness.task(for: user, due: start.addingTimeInterval(7200))
        #expect(harness.waitForSchedule(consumer))

        // Reminders fire 600 s, 1200 s and 6600 s from the start. Down until 4300 s: the first is
        // 3700 s old, beyond the missed limit of an hour; the second is 3100 s late; the third
        // is still ahead.
        harness.clock.set(start.addingTimeInterval(4300))
        let outcome = try harness.dispatcher(owner: "restarted").runDue()
        #expect(outcome.delivered == 1)
        #expect(outcome.missed == 1)
        #expect(try harness.notifications(of: user).map(\.late) == [true])
        #expect(try harness.notifications(of: user).first?.fireAt == start.addingTimeInterval(1200))

        #expect(try harness.dispatcher(owner: "restarted").runDue() == ReminderDispatcher.Outcome())
        harness.clock.set(start.addingTimeInterval(7200 - 600))
        #expect(try harness.dispatcher().runDue().delivered == 1)
        #expect(try harness.notifications(of: user).count == 2)
    }

    @Test func aClaimWhoseInstanceCrashedIsRetriedOnceAfterTheLease() throws {
        defer { harness.close() }
        let consumer = harness.consumer()
        try consumer.start()
        defer { consumer.stop() }
        let user = try harness.user()
        let due = harness.clock.now.addingTimeInterval(3600)
        _ = try harness.task(for: user, due: due)
        #expect(harness.waitForSchedule(consumer))

        // Instance A claims and dies before delivering.
        harness.clock.set(due.addingTimeInterval(-600))
        let now = harness.clock.now
        let claimed = try harness.store.write {
            try $0.claimDueReminders(now: now, owner: "crashed", leaseUntil: now.addingTimeInterval(30), limit: 10)
        }
        #expect(claimed.count == 1)
        #expect(try harness.dispatcher(owner: "b").runDue().delivered == 0)

        harness.clock.advance(by: 31)
        #expect(try harness.dispatcher(owner: "b").runDue().delivered == 1)
        #expect(try harness.dispatcher(owner: "c").runDue().delivered == 0)
        #expect(
            try harness.store.write { try $0.finishReminder(id: claimed[0].id, owner: "crashed", status: .delivered) }
                == false)
        #expect(try harness.notifications(of: user).count == 1)
    }

    @Test func concurrentDispatchersDeliverEachReminderOnce() throws {
        defer { harness.close() }
        let consumer = harness.consumer()
        try consumer.start()
        defer { consumer.stop() }
        let user = try harness.user()
        let due = harness.clock.now.addingTimeInterval(3600)
        for _ in 0..<60 { _ = try harness.task(for: user, due: due) }
        #expect(harness.waitForSchedule(consumer))
        harness.clock.set(due)

        let delivered = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 4) { index in
            let outcome = try? harness.dispatcher(owner: "instance-\(index)").runDue(batchSize: 7)
            delivered.withLock { $0 += outcome?.delivered ?? 0 }
        }

        #expect(delivered.withLock { $0 } == 60)
        #expect(try harness.notifications(of: user).count == 60)
        #expect(Set(try harness.notifications(of: user).map(\.reminderID)).count == 60)
    }

    @Test func aRedeliveredScheduleEventDoesNotScheduleTwice_andAStaleOneIsIgnored() throws {
        defer { harness.close() }
        let user = try harness.user()
        let due = harness.clock.now.addingTimeInterval(3600)
        let task = try harness.task(for: user, due: due)

        let fireAt = due.addingTimeInterval(-600)
        let entry = ScheduledReminder(
            id: ScheduledReminder.id(taskID: task.id, fireAt: fireAt), userID: user.id, taskID: task.id, taskVersion: 1,
            title: task.title, dueAt: due, fireAt: fireAt)
        #expect(try harness.store.write { try $0.replaceReminders(taskID: task.id, version: 2, with: []) })
        #expect(
            try harness.store.write { try $0.replaceReminders(taskID: task.id, version: 1, with: [entry]) } == false)
        #expect(try harness.store.read { try $0.reminderBacklog(now: due, lateAfter: 60) }.pending == 0)
    }
}
