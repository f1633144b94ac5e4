import Foundation
import Synchronization
import Testing
import TodoCore
import TodoEvents
import TodoKafka
import TodoTestSupport

/// Any Kafka client can read our topics, and what any client writes reaches our consumers:
/// checked with Debian's kcat against the mock cluster.
@Suite struct KcatInteropTests {
    private func event(_ index: Int, user: String) -> CloudEvent {
        CloudEvent(
            id: "event-\(index)", source: "/backend", type: "com.todochatbot.task.created", subject: "tasks/t\(index)",
            time: Date(timeIntervalSince1970: 1_800_000_000 + Double(index)), correlationID: "request-\(index)",
            data: ["user_id": .string(user), "task_id": .string("t\(index)"), "version": 1])
    }

    @Test func kcatReadsTheCloudEventsTheOutboxRelayPublished() throws {
        let kafka = try MockKafka()
        let outbox = try Outbox(topics: [TopicSpec(name: "task-events", partitions: 3)])
        let broker = try kafka.openLog()
        defer { broker.close() }
        let relay = OutboxRelay(source: outbox.log, sink: broker, memberID: "relay", logger: kafka.logger)
        relay.start()
        defer { relay.stop() }

        let events = (0..<6).map { event($0, user: "user-\($0 % 2)") }
        try outbox.write(
            events.map { event in
                OutgoingMessage(
                    topic: "task-events", key: event.userID ?? "",
                    headers: [
                        MessageHeader(name: "content-type", value: CloudEvent.contentType),
                        MessageHeader(name: "correlation-id", value: event.correlationID ?? ""),
                    ], value: event.encoded())
            })
        #expect(try eventually { try relay.status().backlog == 0 })

        let output = try Kcat.run(["-b", kafka.cluster.bootstrapServers, "-C", "-t", "task-events", "-e", "-J", "-q"])
        let records = try output.split(separator: "\n").map { try JSONValue.parse(Array($0.utf8)) }
        #expect(records.count == 6)
        var decoded: [CloudEvent] = []
        for record in records {
            let payload = record["payload"]?.stringValue ?? ""
            let value = try CloudEvent.decode(Array(payload.utf8))
            decoded.append(value)
            // kcat prints headers as alternating names and values.
            let headers = record["headers"]?.arrayValue?.compactMap(\.stringValue) ?? []
            let pairs = stride(from: 0, to: headers.count - 1, by: 2).map { (headers[$0], headers[$0 + 1]) }
            #expect(pairs.contains { $0 == ("content-type", CloudEvent.contentType) })
            #expect(pairs.contains { $0 == ("correlation-id", value.correlationID ?? "?") })
            #expect(record["key"]?.stringValue == value.userID)
            #expect(record["partition"]?.intValue == Partitioner.partition(forKey: value.userID ?? "", partitions: 3))
        }
        #expect(decoded.sorted { $0.id < $1.id } == events)
    }

    @Test func ourConsumerHandlesWhatKcatProduced() throws {
        let kafka = try MockKafka()
        let topic = TopicSpec(name: "inbox", partitions: 3)
        let outbox = try Outbox(topics: [topic])
        let broker = try kafka.openLog()
        defer { broker.close() }
        try broker.ensureTopics([topic])

        let received = Mutex<[EventConsumer.Delivery]>([])
        let consumer = EventConsumer(
            group: "interop", topics: ["inbox"], log: broker, store: outbox.store, logger: kafka.logger
        ) { delivery, _ in received.withLock { $0.append(delivery) } }
        try consumer.start()
        defer { consumer.stop() }

        // Kafka's Java-compatible partitioner, so the key lands where ours would put it.
        let sent = event(42, user: "user-7")
        _ = try Kcat.run(
            [
                "-b", kafka.cluster.bootstrapServers, "-P", "-t", "inbox", "-k", "user-7", "-X",
                "partitioner=murmur2_random", "-H", "content-type=\(CloudEvent.contentType)", "-H",
                "correlation-id=request-42",
            ], input: String(decoding: sent.encoded(), as: UTF8.self) + "\n")

        #expect(eventually(timeout: 20) { received.withLock { $0.count } == 1 })
        let delivery = try #require(received.withLock { $0.first })
        #expect(delivery.event == sent)
        #expect(delivery.message.key == "user-7")
        #expect(delivery.message.partition == Partitioner.partition(forKey: "user-7", partitions: 3))
        #expect(delivery.message.header("correlation-id") == "request-42")
        // The runner counts the event once its transaction committed, just after the handler ran.
        #expect(eventually { consumer.counts.processed == 1 })
    }
}
