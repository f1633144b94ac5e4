import Foundation
import Testing
import TodoCore
import TodoEvents
import TodoKafka
import TodoTestSupport

@Suite struct OutboxRelayTests {
    static let topics = [TopicSpec(name: "orders", partitions: 3)]

    private func messages(_ range: Range<Int>, keys: Int = 4) -> [OutgoingMessage] {
        range.map { index in
            OutgoingMessage(
                topic: "orders", key: "user-\(index % keys)",
                headers: [
                    MessageHeader(name: "content-type", value: "application/cloudevents+json"),
                    MessageHeader(name: "correlation-id", value: "c-\(index)"),
                ], value: Array("m\(index)".utf8))
        }
    }

    /// Everything Kafka holds in `topic`, by key, in offset order.
    private func kafkaContents(_ log: KafkaEventLog, topic: String = "orders") throws -> [String: [String]] {
        var byKey: [String: [String]] = [:]
        for partition in try log.topics().first(where: { $0.name == topic })?.partitions ?? [] {
            for message in try log.read(topic: topic, partition: partition.partition, from: 0, limit: 10_000) {
                byKey[message.key, default: []].append(String(decoding: message.value, as: UTF8.self))
            }
        }
        return byKey
    }

    private func expected(_ range: Range<Int>, keys: Int = 4) -> [String: [String]] {
        Dictionary(grouping: range, by: { "user-\($0 % keys)" }).mapValues { $0.map { "m\($0)" } }
    }

    @Test func relaysTheOutboxInOrderPerKeyWithItsHeaders() throws {
        let kafka = try MockKafka()
        let outbox = try Outbox(topics: Self.topics)
        let broker = try kafka.openLog()
        defer { broker.close() }
        let relay = OutboxRelay(source: outbox.log, sink: broker, memberID: "relay-1", logger: kafka.logger)
        outbox.log.observeAppends { relay.wake() }
        relay.start()
        defer { relay.stop() }

        for start in stride(from: 0, to: 60, by: 6) { try outbox.write(messages(start..<start + 6)) }

        #expect(try eventually { try relay.status().backlog == 0 && relay.status().relayed == 60 })
        #expect(try kafkaContents(broker) == expected(0..<60))
        // The broker placed each key where the outbox did, and kept the headers.
        for message in try outbox.log.read(topic: "orders", partition: 0, from: 0, limit: 100) {
            let copy = try broker.read(topic: "orders", partition: 0, from: message.offset, limit: 1).first
            #expect(copy?.value == message.value)
            #expect(copy?.header("correlation-id") == message.header("correlation-id"))
            #expect(copy?.header("content-type") == "application/cloudevents+json")
        }
        #expect(try relay.status().degraded == false)
    }

    @Test func anOutageLosesNothingAcrossARestartAndTheBacklogDrainsByItself() throws {
        let kafka = try MockKafka()
        // Retention that would keep one message per partition: the relay's backlog is kept anyway.
        let outbox = try Outbox(
            retention: RetentionPolicy(maxAge: 3600, maxMessagesPerPartition: 1), topics: Self.topics)
        let broker = try kafka.openLog()
        defer { broker.close() }
        let options = OutboxRelay.Options(retryBackoff: 0.05, maxRetryBackoff: 0.5, stallThreshold: 0.5)
        let first = OutboxRelay(
            source: outbox.log, sink: broker, options: options, memberID: "relay-1", logger: kafka.logger
        ) { broker.cancelPublishing() }
        first.start()
        try outbox.write(messages(0..<8))
        #expect(try eventually { try first.status().backlog == 0 })

        // The brokers go away; the changes keep coming, and wait in the outbox.
        try kafka.cluster.stopBrokers()
        for start in stride(from: 8, to: 40, by: 4) { try outbox.write(messages(start..<start + 4)) }
        #expect(try eventually { try first.status().degraded && first.status().backlog == 32 })
        try outbox.log.applyRetention()
        #expect(try outbox.log.topics()[0].messageCount == 32)

        // The process restarts during the outage: the next relay finds the backlog in the outbox.
        first.stop()
        let second = OutboxRelay(
            source: outbox.log, sink: broker, options: options, memberID: "relay-2", logger: kafka.logger
        ) { broker.cancelPublishing() }
        second.start()
        defer { second.stop() }
        try kafka.cluster.startBrokers()

        #expect(try eventually(timeout: 30) { try second.status().backlog == 0 })
        #expect(try kafkaContents(broker) == expected(0..<40))
        #expect(try eventually { try !second.status().degraded })
    }

    @Test func aRelayStartedDuringAnOutageIsDegradedWhileItWaitsToCreateTheTopics() throws {
        let kafka = try MockKafka()
        let outbox = try Outbox(topics: Self.topics)
        let broker = try kafka.openLog()
        defer { broker.close() }
        try kafka.cluster.stopBrokers()
        let options = OutboxRelay.Options(retryBackoff: 0.05, maxRetryBackoff: 0.5, stallThreshold: 0.2)
        let relay = OutboxRelay(
            source: outbox.log, sink: broker, options: options, memberID: "relay-1", logger: kafka.logger
        ) { broker.cancelPublishing() }
        relay.start()
        defer { relay.stop() }
        try outbox.write(messages(0..<4))

        // Degraded by the wait itself, before the topic lookup gives up with an error.
        #expect(try eventually { try relay.status().degraded && relay.status().lastError == nil })
        #expect(try relay.status().backlog == 4)

        try kafka.cluster.startBrokers()
        #expect(try eventually(timeout: 30) { try relay.status().backlog == 0 })
        #expect(try kafkaContents(broker) == expected(0..<4))
    }
}
