import Foundation
import Synchronization
import Testing
import TodoCore
import TodoEvents
import TodoTestSupport

@testable import TodoApp

/// A broker outage on the Kafka path, end to end: the API, the outbox, the relay, librdkafka's mock
/// cluster, and a consumer running the runner every service uses.
@Suite struct KafkaOutageTests {
    /// What a consumer made of the events: each event id once, per user in arrival order.
    final class Effects: Sendable {
        private let state = Mutex<(ids: [String], titles: [String: [String]])>(([], [:]))

        func record(_ delivery: EventConsumer.Delivery) {
            let title = delivery.event.data["task"]?["title"]?.stringValue ?? "?"
            state.withLock {
                $0.ids.append(delivery.event.id)
                $0.titles[delivery.message.key, default: []].append(title)
            }
        }

        var ids: [String] { state.withLock { $0.ids } }
        var titlesByUser: [String: [String]] { state.withLock { $0.titles } }
    }

    @Test func brokersDown_theAPIKeepsAnswering_andEveryEventArrivesOnceInOrderPerUserWhenTheyReturn() throws {
        let stack = try KafkaStack()
        let effects = Effects()
        let consumer = EventConsumer(
            group: "outage-check", topics: [EventTopics.taskEvents], log: stack.composition.eventLog,
            store: stack.composition.store, logger: KafkaStack.quiet, afterCommit: effects.record
        ) { _, _ in }
        try consumer.start()
        defer { consumer.stop() }

        // Ten users, one task each while the broker is up: the consumer is in its group and reading.
        let users = try (0..<10).map { try stack.signUp("user\($0)") }
        for (index, token) in users.enumerated() { #expect(stack.createTask("u\(index)-0", token: token) == 201) }
        #expect(eventually(timeout: 30) { consumer.counts.processed == 10 && effects.ids.count == 10 })

        // The brokers go down. A thousand tasks through the API: every request answers.
        try stack.cluster.stopBrokers()
        var statuses: [Int: Int] = [:]
        for round in 1...100 {
            for (index, token) in users.enumerated() {
                statuses[stack.createTask("u\(index)-\(round)", token: token), default: 0] += 1
            }
        }
        #expect(statuses == [201: 1000])
        #expect(
            try eventually(timeout: 20) {
                let (status, body) = try stack.readiness()
                let outbox = body["checks"]?["event_log"]?["details"]?["outbox"]
                return status == 200 && body["status"] == "degraded" && (outbox?["backlog"]?.intValue ?? 0) > 0
            })
        #expect(consumer.counts.processed == 10)

        // They come back: the backlog drains by itself and the consumer gets everything.
        try stack.cluster.startBrokers()
        // The runner counts an event just before its after-commit hook records it: wait for both.
        #expect(eventually(timeout: 90) { consumer.counts.processed >= 1010 && effects.ids.count >= 1010 })
        #expect(try eventually(timeout: 20) { try stack.readiness().body["status"] == "ready" })

        let ids = effects.ids
        #expect(ids.count == 1010)
        #expect(Set(ids).count == 1010)
        let written = try outboxEventIDs(stack)
        #expect(Set(ids) == written)
        let titles = effects.titlesByUser
        #expect(titles.count == 10)
        for (_, list) in titles {
            let prefix = list.first?.split(separator: "-").first.map(String.init) ?? "?"
            #expect(list == (0...100).map { "\(prefix)-\($0)" })
        }
    }

    /// The ids of every `task-events` event the API wrote to the outbox.
    private func outboxEventIDs(_ stack: KafkaStack) throws -> Set<String> {
        let outbox = stack.composition.outbox
        var ids: Set<String> = []
        for topic in try outbox.topics() where topic.name == EventTopics.taskEvents {
            for partition in topic.partitions {
                for message in try outbox.read(
                    topic: topic.name, partition: partition.partition, from: 0, limit: 10_000)
                {
                    ids.insert(try CloudEvent.decode(message.value).id)
                }
            }
        }
        return ids
    }
}
