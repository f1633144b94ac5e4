import Foundation
import Synchronization
import Testing
import TodoCore
import TodoEvents
import TodoKafka
import TodoLogging
import TodoSQLite
import TodoTestSupport

/// The work both consumer processes do: for each event, in the handler's store transaction, one
/// row in the `effects` topic of the embedded log, keyed by the event id. Counting those rows
/// shows whether any event changed something twice.
enum KilledConsumerWork {
    static let group = "workers"
    static let topic = TopicSpec(name: "work", partitions: 2)
    static let effects = TopicSpec(name: "effects", partitions: 1)

    static func consumer(
        log: any EventLog, store: any Store, logger: Logger, afterCommit: (@Sendable (EventConsumer.Delivery) -> Void)?
    ) -> EventConsumer {
        EventConsumer(
            group: group, topics: [topic.name], log: log, store: store, logger: logger, afterCommit: afterCommit
        ) { delivery, transaction in
            try transaction.append([OutgoingMessage(topic: effects.name, key: delivery.event.id, value: [])])
        }
    }
}

/// A consumer process killed (SIGKILL) in the middle of a batch: its successor redelivers what it
/// had not committed, and the runner makes sure nothing changes twice.
@Suite struct KilledConsumerTests {
    @Test func aConsumerKilledMidBatchRedeliversAndChangesNothingTwice() throws {
        let kafka = try MockKafka()
        let outbox = try Outbox(topics: [KilledConsumerWork.effects])
        let broker = try kafka.openLog()
        defer { broker.close() }
        try broker.ensureTopics([KilledConsumerWork.topic])
        let ids = (0..<40).map { "event-\($0)" }
        try broker.publish(ids.enumerated().map { index, id in Self.message(id, key: "user-\(index % 5)") })

        // The first process handles 15 events and hangs in the 15th, after its store commit and
        // before the offset commit; then it is killed.
        let marker = outbox.directory.appendingPathComponent("handled")
        let child = try Self.spawnChild(
            bootstrap: kafka.cluster.bootstrapServers, database: outbox.directory.appendingPathComponent("todo.db"),
            marker: marker, hangAfter: 15)
        defer { if child.isRunning { kill(child.processIdentifier, SIGKILL) } }
        #expect(eventually(timeout: 30) { FileManager.default.fileExists(atPath: marker.path) })
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        #expect(child.terminationReason == .uncaughtSignal)
        #expect(try effectCounts(outbox).count == 15)

        // Its successor in the group: what the killed one left uncommitted comes again.
        let successor = KilledConsumerWork.consumer(
            log: broker, store: outbox.store, logger: kafka.logger, afterCommit: nil)
        try successor.start()
        defer { successor.stop() }
        #expect(eventually(timeout: 40) { successor.counts.processed == 25 })

        let counts = try effectCounts(outbox)
        #expect(counts.keys.sorted() == ids.sorted())
        #expect(counts.values.allSatisfy { $0 == 1 })
        #expect(successor.counts.duplicates >= 1)
        #expect(try eventually { try broker.groups().first { $0.group == KilledConsumerWork.group }?.totalLag == 0 })
    }

    static func message(_ id: String, key: String) -> OutgoingMessage {
        let event = CloudEvent(
            id: id, source: "/test", type: "com.todochatbot.test.work", subject: nil, time: Date(),
            correlationID: nil, data: ["user_id": .string(key)])
        return OutgoingMessage(
            topic: KilledConsumerWork.topic.name, key: key,
            headers: [MessageHeader(name: "content-type", value: CloudEvent.contentType)], value: event.encoded())
    }

    /// Effect rows per event id.
    private func effectCounts(_ outbox: Outbox) throws -> [String: Int] {
        try outbox.log.read(topic: KilledConsumerWork.effects.name, partition: 0, from: 0, limit: 1000)
            .reduce(into: [:]) { $0[$1.key, default: 0] += 1 }
    }

    /// This test binary again, running only ``KilledConsumerChild``.
    private static func spawnChild(bootstrap: String, database: URL, marker: URL, hangAfter: Int) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).standardizedFileURL
        process.arguments = ["--testing-library", "swift-testing", "--filter", "KilledConsumerChild"]
        var environment = ProcessInfo.processInfo.environment
        environment[KilledConsumerChild.bootstrapVariable] = bootstrap
        environment[KilledConsumerChild.databaseVariable] = database.path
        environment[KilledConsumerChild.markerVariable] = marker.path
        environment[KilledConsumerChild.hangAfterVariable] = String(hangAfter)
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }
}

/// The consumer process ``KilledConsumerTests`` kills; runs only when that test starts it.
@Suite struct KilledConsumerChild {
    static let bootstrapVariable = "TODO_KAFKA_CHILD_BOOTSTRAP"
    static let databaseVariable = "TODO_KAFKA_CHILD_DATABASE"
    static let markerVariable = "TODO_KAFKA_CHILD_MARKER"
    static let hangAfterVariable = "TODO_KAFKA_CHILD_HANG_AFTER"

    @Test(.enabled(if: ProcessInfo.processInfo.environment[bootstrapVariable] != nil))
    func consumeUntilKilled() throws {
        let environment = ProcessInfo.processInfo.environment
        let logger = Logger(service: "child", sink: NullLogSink())
        let store = try SQLiteStore(path: environment[Self.databaseVariable] ?? "")
        let log = try KafkaEventLog(
            configuration: KafkaConfiguration(
                brokers: environment[Self.bootstrapVariable] ?? "", sessionTimeout: 4, commitInterval: 0.2),
            logger: logger)
        let marker = environment[Self.markerVariable] ?? ""
        let hangAfter = Int(environment[Self.hangAfterVariable] ?? "") ?? 1
        let handled = Atomic<Int>(0)

        let consumer = KilledConsumerWork.consumer(log: log, store: store, logger: logger) { _ in
            guard handled.add(1, ordering: .relaxed).newValue == hangAfter else { return }
            _ = FileManager.default.createFile(atPath: marker, contents: Data())
            // Hang here, between the store commit and the offset commit, until the parent kills us.
            while true { Thread.sleep(forTimeInterval: 1) }
        }
        try consumer.start()
        while true { Thread.sleep(forTimeInterval: 1) }
    }
}
