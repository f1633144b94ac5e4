import Foundation
import TodoCore
import TodoKafka
import TodoLogging

/// A librdkafka mock cluster for one test, and the settings that keep group joins short there.
final class MockKafka: Sendable {
    let cluster: KafkaMockCluster
    let logger: Logger

    init(brokers: Int = 1, logger: Logger = Logger(service: "kafka-tests", level: .warning, sink: NullLogSink())) throws
    {
        self.logger = logger
        cluster = try KafkaMockCluster(brokers: brokers, logger: logger)
    }

    deinit { cluster.close() }

    /// The mock delays a group's first join by 3 s and expires members faster than their session:
    /// 4 s sessions keep every join and rebalance at about 3 s. Reconnects are retried quickly.
    func configuration(properties: [String: String] = [:]) -> KafkaConfiguration {
        var all = ["reconnect.backoff.max.ms": "500", "retry.backoff.ms": "50"]
        all.merge(properties) { _, new in new }
        return KafkaConfiguration(
            brokers: cluster.bootstrapServers, properties: all, sessionTimeout: 4, requestTimeout: 5,
            deliveryTimeout: 30, commitInterval: 0.2)
    }

    /// A log on the cluster, as one process would open it.
    func openLog(
        retention: RetentionPolicy = RetentionPolicy(), clock: any TimeSource = SystemTimeSource(),
        properties: [String: String] = [:]
    ) throws -> KafkaEventLog {
        try KafkaEventLog(
            configuration: configuration(properties: properties), retention: retention, clock: clock, logger: logger,
            topicCreator: cluster)
    }
}
