import Foundation
import Synchronization
import Testing
import TodoCore
import TodoTestSupport

@testable import TodoSQLite

@Suite struct SQLiteEventLogTests {
    @Test func aThrowingWriteLeavesNeitherRowsNorMessages() throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        let store = try database.openMigratedStore()
        defer { store.close() }
        let log = SQLiteEventLog(store: store)
        defer { log.close() }
        try log.ensureTopics([TopicSpec(name: "task-events", partitions: 3)])
        let user = User(id: "user-1", email: "a@example.com", createdAt: Date(), updatedAt: Date())

        #expect(throws: HandlerError.self) {
            try store.write { writer in
                try writer.insert(user: user, passwordHash: "h")
                try writer.append([OutgoingMessage(topic: "task-events", key: user.id, value: Array("created".utf8))])
                #expect(try writer.markProcessed(group: "g", eventID: "e1"))
                throw HandlerError()
            }
        }

        #expect(try store.read { try $0.user(id: user.id) } == nil)
        #expect(try log.topics().first?.messageCount == 0)
        #expect(try store.write { try $0.markProcessed(group: "g", eventID: "e1") })
        #expect(try store.write { try $0.markProcessed(group: "g", eventID: "e1") } == false)
    }

    @Test func aCommittedAppendWakesConsumersWithoutPolling() throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        let store = try database.openMigratedStore()
        defer { store.close() }
        // A poll interval of a minute: only the commit wake-up can deliver within the wait.
        let log = SQLiteEventLog(store: store, pollInterval: 60)
        defer { log.close() }
        try log.ensureTopics([TopicSpec(name: "task-events", partitions: 2)])
        let received = Mutex<[LogMessage]>([])
        let subscription = try log.subscribe(group: "g", topics: ["task-events"], options: SubscriptionOptions()) {
            message in received.withLock { $0.append(message) }
        }
        defer { subscription.stop() }
        #expect(waitUntil { subscription.assignments.count == 2 })

        let user = User(id: "user-2", email: "b@example.com", createdAt: Date(), updatedAt: Date())
        try store.write { writer in
            try writer.insert(user: user, passwordHash: "h")
            try writer.append([
                OutgoingMessage(
                    topic: "task-events", key: user.id, headers: [MessageHeader(name: "type", value: "created")],
                    value: [0, 1, 2, 255])
            ])
        }

        #expect(waitUntil(timeout: 5) { received.withLock { $0.count } == 1 })
        let message = try #require(received.withLock { $0.first })
        #expect(message.value == [0, 1, 2, 255])
        #expect(message.header("type") == "created")
        #expect(message.partition == Partitioner.partition(forKey: user.id, partitions: 2))
    }

    @Test func appendingToAnUnknownTopicRollsBackTheWrite() throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        let store = try database.openMigratedStore()
        defer { store.close() }
        let user = User(id: "user-3", email: "c@example.com", createdAt: Date(), updatedAt: Date())

        #expect {
            try store.write { writer in
                try writer.insert(user: user, passwordHash: "h")
                try writer.append([OutgoingMessage(topic: "nowhere", key: "k", value: [])])
            }
        } throws: { ($0 as? AppError)?.code == "event_log_not_ready" }

        #expect(try store.read { try $0.user(id: user.id) } == nil)
    }

    @Test func anExpiredMemberLosesItsPartitions() throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        let store = try database.openMigratedStore()
        defer { store.close() }
        let clock = ManualTimeSource()
        let log = SQLiteEventLog(store: store, sessionTimeout: 10, clock: clock)
        defer { log.close() }
        try log.ensureTopics([TopicSpec(name: "t", partitions: 4)])

        // A member of another process that crashed: its row stays until its lease runs out.
        _ = try store.withWriteTransaction {
            try $0.renewMember(
                group: "g", memberID: "crashed", topics: ["t"], now: clock.now,
                leaseUntil: clock.now.addingTimeInterval(10))
        }
        let subscription = try log.subscribe(group: "g", topics: ["t"], options: SubscriptionOptions()) { _ in }
        defer { subscription.stop() }
        #expect(waitUntil { subscription.assignments.count == 2 })
        #expect(try log.groups().first?.members.map(\.memberID).contains("crashed") == true)

        clock.advance(by: 11)

        #expect(waitUntil { subscription.assignments.count == 4 })
        #expect(try log.groups().first?.members.map(\.memberID) == [subscription.memberID])
    }

    @Test func migrationDownDropsTheLogTables() throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        let store = try database.openMigratedStore()
        defer { store.close() }
        let migrator = SQLiteMigrator(store: store)

        let later = SQLiteRevision.all.map(\.id).drop { $0 != "0002_event_log" }
        #expect(try migrator.migrate(to: "0001_initial") == later.reversed())
        #expect(throws: AppError.self) { try SQLiteEventLog(store: store).topics() }
        #expect(try migrator.upgrade(to: nil) == Array(later))
        #expect(try SQLiteEventLog(store: store).topics().isEmpty)
    }

    private func waitUntil(timeout: TimeInterval = 10, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date(timeIntervalSinceNow: timeout)
        while Date() < deadline {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.005)
        }
        return try condition()
    }
}

private struct HandlerError: Error {}
