import Foundation
import Synchronization
import Testing
import TodoCore
import TodoEvents
import TodoLogging
import TodoSQLite
import TodoTestSupport

/// The consumer runner over the embedded log of a real SQLite file. Each handled event leaves a
/// real effect: a user row whose id is the event id, written in the handler's transaction.
@Suite struct EventConsumerTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("consumer-\(UUID().uuidString)")
    let store: SQLiteStore
    let log: SQLiteEventLog
    let logs = MemoryLogSink()
    let topic = "work"

    init() throws {
        store = try SQLiteStore(path: directory.appendingPathComponent("todo.db").path)
        try SQLiteMigrator(store: store).upgrade(to: nil)
        log = SQLiteEventLog(store: store, pollInterval: 0.02)
        try log.ensureTopics([TopicSpec(name: topic, partitions: 2), TopicSpec(name: topic + ".dlq", partitions: 2)])
    }

    private func close() {
        log.close()
        store.close()
        try? FileManager.default.removeItem(at: directory)
    }

    private func event(_ id: String, user: String = "user-1") -> OutgoingMessage {
        let event = CloudEvent(
            id: id, source: "/tests", type: "com.todochatbot.test", subject: nil, time: Date(),
            correlationID: "corr-\(id)", data: ["user_id": .string(user)])
        return OutgoingMessage(topic: topic, key: user, value: event.encoded())
    }

    private func consumer(
        group: String = "workers", maxAttempts: Int = 3, calls: Calls = Calls(),
        failing: @escaping @Sendable (String, Int) -> Bool = { _, _ in false }
    ) -> EventConsumer {
        let options = EventConsumer.Options(
            maxAttempts: maxAttempts, subscription: SubscriptionOptions(retryBackoff: 0.005, maxRetryBackoff: 0.02))
        return EventConsumer(
            group: group, topics: [topic], log: log, store: store, options: options,
            logger: Logger(service: "tests", sink: logs)
        ) { delivery, transaction in
            let id = delivery.event.id
            let attempt = calls.record(id)
            let user = User(id: id, email: "\(id)@example.com", createdAt: Date(), updatedAt: Date())
            try transaction.insert(user: user, passwordHash: "effect")
            if failing(id, attempt) { throw AppError.internal("handler failed on purpose") }
        }
    }

    private func effects() throws -> [String] {
        try ["a", "b", "c", "d"].filter { id in try store.read { try $0.user(id: id) } != nil }
    }

    private func deadLetters() throws -> [LogMessage] {
        try (0..<2).flatMap { try log.read(topic: topic + ".dlq", partition: $0, from: 0, limit: 100) }
    }

    @Test func eachEventIsHandledOnceWithItsEffectsCommitted() throws {
        defer { close() }
        let calls = Calls()
        let runner = consumer(calls: calls)
        try runner.start()
        defer { runner.stop() }

        try log.publish([event("a"), event("b"), event("c")])

        #expect(eventually { runner.counts.processed == 3 })
        #expect(try effects() == ["a", "b", "c"])
        #expect(calls.ids == ["a", "b", "c"])
        #expect(try eventually { try runner.status()["lag"] == 0 })
    }

    @Test func aRedeliveredEventChangesNothing() throws {
        defer { close() }
        let calls = Calls()
        let runner = consumer(calls: calls)
        try runner.start()
        defer { runner.stop() }

        // The same event id twice: what a crash between the handler's commit and the offset
        // commit looks like to the next delivery.
        try log.publish([event("a"), event("a"), event("b")])

        #expect(eventually { runner.counts.processed == 2 && runner.counts.duplicates == 1 })
        #expect(calls.ids == ["a", "b"])
        #expect(try effects() == ["a", "b"])
    }

    @Test func aFailingHandlerIsRetriedAndItsFailedAttemptsLeaveNoEffects() throws {
        defer { close() }
        let calls = Calls()
        let runner = consumer(maxAttempts: 5, calls: calls) { id, attempt in id == "a" && attempt <= 2 }
        try runner.start()
        defer { runner.stop() }

        try log.publish([event("a"), event("b")])

        #expect(eventually { runner.counts.processed == 2 })
        #expect(runner.counts.retried == 2)
        #expect(calls.ids == ["a", "a", "a", "b"])
        #expect(try effects() == ["a", "b"])
        #expect(try deadLetters().isEmpty)
    }

    @Test func anEventThatKeepsFailing_goesToTheDeadLetterTopicAndConsumptionContinues() throws {
        defer { close() }
        let calls = Calls()
        let runner = consumer(maxAttempts: 3, calls: calls) { id, _ in id == "a" }
        try runner.start()
        defer { runner.stop() }

        try log.publish([event("a"), event("b")])

        #expect(eventually { runner.counts.processed == 1 && runner.counts.deadLettered == 1 })
        #expect(calls.ids == ["a", "a", "a", "b"])
        #expect(try effects() == ["b"])

        let letter = try #require(try deadLetters().first)
        #expect(letter.header("dlq-reason") == "failed")
        #expect(letter.header("dlq-group") == "workers")
        #expect(letter.header("dlq-attempts") == "3")
        #expect(letter.header("dlq-error") == "internal_error: An internal error occurred")
        #expect(try CloudEvent.decode(letter.value).id == "a")
        #expect(try runner.status()["dead_letter_messages"] == 1)
        #expect(logs.records.contains { $0.level == .error && $0.metadata[LogKey.eventID] == "a" })
    }

    @Test func aMalformedMessage_goesStraightToTheDeadLetterTopic() throws {
        defer { close() }
        let calls = Calls()
        let runner = consumer(calls: calls)
        try runner.start()
        defer { runner.stop() }

        try log.publish([OutgoingMessage(topic: topic, key: "user-1", value: Array("{not json".utf8)), event("b")])

        #expect(eventually { runner.counts.processed == 1 && runner.counts.deadLettered == 1 })
        #expect(calls.ids == ["b"])
        let letter = try #require(try deadLetters().first)
        #expect(letter.header("dlq-reason") == "malformed")
        #expect(letter.header("dlq-attempts") == "1")
        #expect(letter.value == Array("{not json".utf8))
    }

    @Test func aRestartedConsumerResumesAfterWhatItCommitted() throws {
        defer { close() }
        let calls = Calls()
        let first = consumer(calls: calls)
        try first.start()
        try log.publish([event("a"), event("b")])
        #expect(eventually { first.counts.processed == 2 })
        first.stop()

        try log.publish([event("c")])
        let second = consumer(calls: calls)
        try second.start()
        defer { second.stop() }

        #expect(eventually { second.counts.processed == 1 })
        #expect(calls.ids == ["a", "b", "c"])
        #expect(second.counts.duplicates == 0)
    }

    @Test func twoGroupsEachHandleEveryEvent() throws {
        defer { close() }
        let first = Calls()
        let second = Calls()
        // Both groups' effects land in the same table, so the second group's effect is a row
        // under another id.
        let sync = consumer(group: "sync", calls: first)
        let audit = EventConsumer(group: "audit", topics: [topic], log: log, store: store, logger: Logger(service: "t"))
        { delivery, _ in
            second.record(delivery.event.id)
        }
        try sync.start()
        try audit.start()
        defer {
            sync.stop()
            audit.stop()
        }

        try log.publish([event("a", user: "u1"), event("b", user: "u2"), event("c", user: "u3")])

        #expect(eventually { sync.counts.processed == 3 && audit.counts.processed == 3 })
        #expect(Set(first.ids) == ["a", "b", "c"])
        #expect(Set(second.ids) == ["a", "b", "c"])
    }
}

/// The event ids a handler was called with, in order.
final class Calls: Sendable {
    private let storage = Mutex<[String]>([])

    var ids: [String] { storage.withLock { $0 } }

    /// Appends `id`; returns how many times it has been seen, this call included.
    @discardableResult
    func record(_ id: String) -> Int {
        storage.withLock { ids in
            ids.append(id)
            return ids.filter { $0 == id }.count
        }
    }
}
