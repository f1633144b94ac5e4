import Foundation
import Testing
import TodoCore
import TodoEvents
import TodoKafka
import TodoLogging
import TodoPostgres
import TodoTestSupport

/// Postgres as the outbox of Kafka (production: Neon and Redpanda), with librdkafka's mock
/// cluster as the broker: what the store's transactions wrote reaches Kafka in order per key, and
/// an outage loses nothing, not even to retention.
@Suite(.enabled(if: TestServer.isConfigured, TestServer.skipReason))
struct PostgresOutboxRelayTests {
    @Test func theRelayDrainsThePostgresOutboxAfterAnOutage() throws {
        let logger = Logger(service: "postgres-relay", sink: NullLogSink())
        let schema = try TestSchema()
        defer { schema.drop() }
        let store = try schema.openMigratedStore()
        defer { store.close() }
        let outbox = PostgresEventLog(
            store: store, retention: RetentionPolicy(maxAge: 3600, maxMessagesPerPartition: 1),
            retentionHold: "outbox-relay")
        defer { outbox.close() }
        try outbox.ensureTopics([TopicSpec(name: "orders", partitions: 3)])

        let cluster = try KafkaMockCluster(logger: logger)
        defer { cluster.close() }
        let broker = try KafkaEventLog(
            configuration: KafkaConfiguration(
                brokers: cluster.bootstrapServers, properties: ["reconnect.backoff.max.ms": "500"]),
            logger: logger, topicCreator: cluster)
        defer { broker.close() }
        let relay = OutboxRelay(
            source: outbox, sink: broker,
            options: OutboxRelay.Options(retryBackoff: 0.05, maxRetryBackoff: 0.5, stallThreshold: 0.5),
            memberID: "relay", logger: logger
        ) { broker.cancelPublishing() }
        outbox.observeAppends { relay.wake() }
        relay.start()
        defer { relay.stop() }

        try cluster.stopBrokers()
        let messages = (0..<30).map {
            OutgoingMessage(topic: "orders", key: "user-\($0 % 4)", value: Array("m\($0)".utf8))
        }
        for start in stride(from: 0, to: 30, by: 5) {
            try store.write { try $0.append(Array(messages[start..<start + 5])) }
        }
        #expect(try eventually { try relay.status().degraded && relay.status().backlog == 30 })
        try outbox.applyRetention()
        #expect(try outbox.topics()[0].messageCount == 30)

        try cluster.startBrokers()
        #expect(try eventually(timeout: 30) { try relay.status().backlog == 0 })
        var byKey: [String: [String]] = [:]
        for partition in 0..<3 {
            for message in try broker.read(topic: "orders", partition: partition, from: 0, limit: 100) {
                byKey[message.key, default: []].append(String(decoding: message.value, as: UTF8.self))
            }
        }
        #expect(byKey == Dictionary(grouping: 0..<30, by: { "user-\($0 % 4)" }).mapValues { $0.map { "m\($0)" } })
    }
}
