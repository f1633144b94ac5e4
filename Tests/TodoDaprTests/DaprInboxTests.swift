import Foundation
import Synchronization
import Testing
import TodoCore
import TodoDapr
import TodoEvents
import TodoLogging
import TodoSQLite

/// Pushed deliveries through ``DaprEventLog`` to the product's ``EventConsumer``, over a real
/// SQLite store whose embedded log is the outbox; each handled event leaves a user row whose id
/// is the event id, written in the handler's transaction. No sidecar is needed: these are the
/// statuses the HTTP route answers for what the sidecar pushed.
@Suite struct DaprInboxTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dapr-\(UUID().uuidString)")
    let store: SQLiteStore
    let outbox: SQLiteEventLog
    let dapr: DaprEventLog
    let topic = "work"

    init() throws {
        store = try SQLiteStore(path: directory.appendingPathComponent("todo.db").path)
        try SQLiteMigrator(store: store).upgrade(to: nil)
        outbox = SQLiteEventLog(store: store, pollInterval: 0.02)
        try outbox.ensureTopics([TopicSpec(name: topic, partitions: 2), TopicSpec(name: topic + ".dlq", partitions: 2)])
        // Nothing listens on port 9: publishing is not what these tests look at.
        dapr = DaprEventLog(outbox: outbox, sidecar: DaprSidecar(configuration: DaprConfiguration(httpPort: 9)))
    }

    private func close() {
        dapr.close()
        outbox.close()
        store.close()
        try? FileManager.default.removeItem(at: directory)
    }

    private func event(_ id: String) -> [UInt8] {
        CloudEvent(
            id: id, source: "/tests", type: "com.todochatbot.test", subject: nil, time: Date(),
            correlationID: "corr-\(id)", data: ["user_id": "user-1"]
        ).encoded()
    }

    private func consumer(maxAttempts: Int = 3, failing: Bool = false, calls: Calls = Calls()) -> EventConsumer {
        EventConsumer(
            group: "workers", topics: [topic], log: dapr, store: store,
            options: EventConsumer.Options(maxAttempts: maxAttempts),
            logger: Logger(service: "tests", sink: MemoryLogSink())
        ) { delivery, transaction in
            calls.record(delivery)
            let id = delivery.event.id
            try transaction.insert(
                user: User(id: id, email: "\(id)@example.com", createdAt: Date(), updatedAt: Date()),
                passwordHash: "effect")
            if failing { throw AppError.internal("handler failed on purpose") }
        }
    }

    private func deliver(_ body: [UInt8]) -> DaprDeliveryStatus {
        dapr.inbox.deliver(group: "workers", topic: topic, body: body)
    }

    private func deadLetters() throws -> [LogMessage] {
        try (0..<2).flatMap { try outbox.read(topic: topic + ".dlq", partition: $0, from: 0, limit: 100) }
    }

    @Test func aRedeliveredEventSucceedsWithoutRunningTheHandlerAgain() throws {
        defer { close() }
        let calls = Calls()
        let runner = consumer(calls: calls)
        try runner.start()
        defer { runner.stop() }

        #expect(deliver(event("a")) == .success)
        #expect(deliver(event("a")) == .success)
        #expect(calls.count == 1)
        #expect(try store.read { try $0.user(id: "a") } != nil)
        #expect(runner.counts.processed == 1 && runner.counts.duplicates == 1)
        #expect(calls.last?.message.key == "user-1")
        #expect(calls.last?.event.correlationID == "corr-a")
    }

    @Test func aFailingHandlerAsksForRetriesThenDeadLettersTheEvent() throws {
        defer { close() }
        let runner = consumer(maxAttempts: 3, failing: true)
        try runner.start()
        defer { runner.stop() }

        #expect([deliver(event("b")), deliver(event("b"))] == [.retry, .retry])
        #expect(try deadLetters().isEmpty)
        // The third failure is the last attempt: dead-lettered in the outbox, and done.
        #expect(deliver(event("b")) == .success)
        let letters = try deadLetters()
        #expect(letters.count == 1)
        #expect(letters.first?.header("dlq-attempts") == "3")
        #expect(try store.read { try $0.user(id: "b") } == nil)
        #expect(deliver(event("b")) == .success)
        #expect(try deadLetters().count == 1)
    }

    @Test func aValueThatIsNotACloudEventIsDeadLetteredAndDropped() throws {
        defer { close() }
        let calls = Calls()
        let runner = consumer(calls: calls)
        try runner.start()
        defer { runner.stop() }

        #expect(deliver(Array("not an event".utf8)) == .drop)
        #expect(try deadLetters().map(\.value) == [Array("not an event".utf8)])
        #expect(try deadLetters().first?.header("dlq-reason") == "malformed")
        #expect(calls.count == 0)
    }

    @Test func withoutARunningSubscriptionTheSidecarIsAskedToRetry() throws {
        defer { close() }
        let runner = consumer()
        #expect(deliver(event("c")) == .retry)

        try runner.start()
        #expect(dapr.inbox.deliver(group: "others", topic: topic, body: event("c")) == .retry)
        #expect(deliver(event("c")) == .success)
        runner.stop()
        #expect(deliver(event("d")) == .retry)
        #expect(try store.read { try $0.user(id: "d") } == nil)
    }

    @Test func theOutboxPositionTravelsWithTheEvent() throws {
        defer { close() }
        let calls = Calls()
        let runner = consumer(calls: calls)
        try runner.start()
        defer { runner.stop() }

        let value = event("e")
        let stored = LogMessage(
            topic: topic, partition: 1, offset: 41, key: "user-1", headers: [], value: value, timestamp: Date())
        let pushed = DaprEventLog.stamped(stored)
        #expect(try CloudEvent.decode(pushed) == CloudEvent.decode(value))
        #expect(deliver(pushed) == .success)
        #expect(calls.last?.message.partition == 1)
        #expect(calls.last?.message.offset == 41)
    }
}

/// The deliveries a handler saw.
final class Calls: Sendable {
    private let deliveries = Mutex<[EventConsumer.Delivery]>([])

    func record(_ delivery: EventConsumer.Delivery) {
        deliveries.withLock { $0.append(delivery) }
    }

    var count: Int { deliveries.withLock { $0.count } }
    var last: EventConsumer.Delivery? { deliveries.withLock { $0.last } }
}
