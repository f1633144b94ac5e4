import Foundation
import Synchronization
import Testing
import TodoCore
import TodoTestSupport

@testable import TodoPostgres

/// The notification schedule where several service instances share one Postgres database: claims
/// skip what another instance's transaction holds instead of waiting for it or taking it too.
@Suite(.enabled(if: TestServer.isConfigured, TestServer.skipReason))
struct PostgresNotificationTests {
    @Test func aSecondInstanceClaimsTheOtherDueRemindersWithoutWaiting() throws {
        let schema = try TestSchema()
        defer { schema.drop() }
        let first = try schema.openMigratedStore()
        defer { first.close() }
        let second = try schema.openStore()
        defer { second.close() }
        let owner = try Samples.insertUser(first, "due@example.com")
        let now = Samples.epoch
        try Self.schedule(first, owner, count: 10, at: now)

        // Instance A holds its claim's transaction open while instance B claims.
        var claimedByA: [String] = []
        var claimedByB: [String] = []
        var waited: TimeInterval = 0
        try first.write { writer in
            claimedByA = try writer.claimDueReminders(now: now, owner: "a", leaseUntil: now + 30, limit: 4).map(\.id)
            let started = Date()
            claimedByB = try second.write { other in
                try other.claimDueReminders(now: now, owner: "b", leaseUntil: now + 30, limit: 100).map(\.id)
            }
            waited = Date().timeIntervalSince(started)
        }

        #expect(claimedByA.count == 4)
        #expect(claimedByB.count == 6)
        #expect(Set(claimedByA).isDisjoint(with: claimedByB))
        #expect(waited < 1, "the second claim waited \(waited) s")
        #expect(
            try first.write { try $0.claimDueReminders(now: now, owner: "c", leaseUntil: now + 30, limit: 100) }
                .isEmpty)
    }

    @Test func manyInstancesClaimingAtOnceTakeEachReminderOnce() throws {
        let schema = try TestSchema()
        defer { schema.drop() }
        let stores = try (0..<3).map { _ in try schema.openStore(poolSize: 2) }
        defer { for store in stores { store.close() } }
        try PostgresMigrator(store: stores[0]).upgrade(to: nil)
        let owner = try Samples.insertUser(stores[0], "many@example.com")
        let now = Samples.epoch
        try Self.schedule(stores[0], owner, count: 300, at: now)

        let claimed = Mutex<[String]>([])
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 6) { worker in
            let store = stores[worker % stores.count]
            while true {
                do {
                    let batch = try store.write { writer in
                        let taken = try writer.claimDueReminders(
                            now: now, owner: "worker-\(worker)", leaseUntil: now + 60, limit: 7)
                        Thread.sleep(forTimeInterval: 0.002)  // hold the rows a moment
                        return taken.map(\.id)
                    }
                    if batch.isEmpty { break }
                    claimed.withLock { $0 += batch }
                } catch {
                    failures.withLock { $0.append("\(error)") }
                    break
                }
            }
        }

        let all = claimed.withLock { $0 }
        #expect(failures.withLock { $0 }.isEmpty)
        #expect(all.count == 300)
        #expect(Set(all).count == 300)
    }

    @Test func anExpiredLeaseIsTakenOverAndTheFormerOwnerCannotFinish() throws {
        let schema = try TestSchema()
        defer { schema.drop() }
        let store = try schema.openMigratedStore()
        defer { store.close() }
        let owner = try Samples.insertUser(store, "lease@example.com")
        let now = Samples.epoch
        try Self.schedule(store, owner, count: 1, at: now)

        let taken = try store.write { try $0.claimDueReminders(now: now, owner: "a", leaseUntil: now + 30, limit: 5) }
        #expect(
            try store.write { try $0.claimDueReminders(now: now + 29, owner: "b", leaseUntil: now + 60, limit: 5) }
                .isEmpty)
        let retaken = try store.write {
            try $0.claimDueReminders(now: now + 30, owner: "b", leaseUntil: now + 60, limit: 5)
        }

        #expect(retaken.map(\.id) == taken.map(\.id))
        #expect(retaken.first?.attempts == 2)
        #expect(try store.write { try $0.finishReminder(id: taken[0].id, owner: "a", status: .delivered) } == false)
        #expect(try store.write { try $0.finishReminder(id: taken[0].id, owner: "b", status: .delivered) })
        #expect(
            try store.read { try $0.reminderBacklog(now: now + 60, lateAfter: 60) }
                == ReminderBacklog(pending: 0, late: 0))
    }

    @Test func anOlderVersionOfATaskNeverReplacesANewerSchedule() throws {
        let schema = try TestSchema()
        defer { schema.drop() }
        let store = try schema.openMigratedStore()
        defer { store.close() }
        let owner = try Samples.insertUser(store, "versions@example.com")
        let newer = Self.entry(owner, task: "task-1", version: 3, at: Samples.epoch + 600)
        let older = Self.entry(owner, task: "task-1", version: 2, at: Samples.epoch + 300)

        #expect(try store.write { try $0.replaceReminders(taskID: "task-1", version: 3, with: [newer]) })
        #expect(try store.write { try $0.replaceReminders(taskID: "task-1", version: 2, with: [older]) } == false)

        #expect(try store.read { try $0.nextReminderWake() } == newer.deliverAt)
        #expect(try store.write { try $0.replaceReminders(taskID: "task-1", version: 4, with: []) })
        #expect(try store.read { try $0.nextReminderWake() } == nil)
    }

    @Test func webhookDeliveriesAreClaimedByOneInstanceAndKeepTheirBytes() throws {
        let schema = try TestSchema()
        defer { schema.drop() }
        let first = try schema.openMigratedStore()
        defer { first.close() }
        let second = try schema.openStore()
        defer { second.close() }
        let owner = try Samples.insertUser(first, "hook@example.com")
        let now = Samples.epoch
        let body = Array("{\"title\": \"Ping ✓\"}".utf8) + [0, 255]
        try first.write { writer in
            for index in 0..<4 {
                let notification = UserNotification(
                    id: Samples.ids.next(), userID: owner.id, taskID: "t\(index)", reminderID: "r\(index)",
                    title: "Ping", dueAt: nil, fireAt: now, deliveredAt: now, late: false)
                try writer.insert(notification: notification)
                try writer.insert(
                    webhookDelivery: WebhookDelivery(
                        id: Samples.ids.next(), notificationID: notification.id, userID: owner.id,
                        url: "http://127.0.0.1:9/hook", body: body, nextAttemptAt: now))
            }
        }

        var byFirst: [WebhookDelivery] = []
        var bySecond: [WebhookDelivery] = []
        try first.write { writer in
            byFirst = try writer.claimDueWebhookDeliveries(now: now, leaseUntil: now + 30, limit: 1)
            bySecond = try second.write { try $0.claimDueWebhookDeliveries(now: now, leaseUntil: now + 30, limit: 10) }
        }

        #expect(byFirst.count == 1)
        #expect(bySecond.count == 3)
        #expect(Set(byFirst.map(\.id)).isDisjoint(with: bySecond.map(\.id)))
        #expect((byFirst + bySecond).allSatisfy { $0.body == body })
        #expect(
            try first.write { try $0.claimDueWebhookDeliveries(now: now, leaseUntil: now + 30, limit: 10) }
                .isEmpty)
    }

    /// `count` tasks of `owner`, each with one reminder due at `at`.
    private static func schedule(_ store: PostgresStore, _ owner: User, count: Int, at: Date) throws {
        try store.write { writer in
            for index in 0..<count {
                let task = "task-\(index)"
                _ = try writer.replaceReminders(
                    taskID: task, version: 1, with: [entry(owner, task: task, version: 1, at: at)])
            }
        }
    }

    private static func entry(_ owner: User, task: String, version: Int, at: Date) -> ScheduledReminder {
        ScheduledReminder(
            id: ScheduledReminder.id(taskID: task, fireAt: at), userID: owner.id, taskID: task, taskVersion: version,
            title: "Reminder", dueAt: nil, fireAt: at)
    }
}
