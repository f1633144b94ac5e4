import TodoCore
import TodoEvents
import TodoKafka
import TodoMetrics

/// The event log's metrics, read at scrape time from the same sources as the `event_log`
/// readiness details: messages waiting in dead-letter topics, each consumer group's lag per topic,
/// and what the service's own consumers did.
enum EventMetrics {
    static func register(on registry: MetricsRegistry, log: any EventLog, consumers: [EventConsumer]) {
        registry.gauge(
            "todo_event_dead_letter_messages", help: "Messages retained in a dead-letter topic.", labels: ["topic"]
        ) {
            try reachable(log)
            return try log.topics().filter { $0.name.hasSuffix(".dlq") }
                .map { MetricSample([$0.name], Double($0.messageCount)) }
        }
        guard !consumers.isEmpty else { return }

        // A log that cannot tell how far its groups have got (Dapr keeps the offsets) shows no lag:
        // a 0 would look healthy while nothing arrives.
        if log.knowsGroupOffsets { registerLag(on: registry, log: log, consumers: consumers) }
        registry.counter(
            "todo_consumer_messages_total",
            help: "Messages this process's consumers handled (processed), skipped as already processed "
                + "(duplicate), failed and retried (retried) or sent to a dead-letter topic (dead_lettered).",
            labels: ["group", "outcome"]
        ) {
            consumers.flatMap { consumer in
                let counts = consumer.counts
                return [
                    ("processed", counts.processed), ("duplicate", counts.duplicates), ("retried", counts.retried),
                    ("dead_lettered", counts.deadLettered),
                ].map { MetricSample([consumer.group, $0.0], Double($0.1)) }
            }
        }
    }

    /// Each consumer group's lag per topic.
    private static func registerLag(on registry: MetricsRegistry, log: any EventLog, consumers: [EventConsumer]) {
        registry.gauge(
            "todo_consumer_lag_messages", help: "Messages a consumer group has not yet consumed, per topic.",
            labels: ["group", "topic"]
        ) {
            try reachable(log)
            var samples: [MetricSample] = []
            for consumer in consumers {
                let offsets = try log.group(named: consumer.group)?.offsets ?? []
                for topic in consumer.topics {
                    let lag = offsets.filter { $0.topic == topic }.reduce(Int64(0)) { $0 + $1.lag }
                    samples.append(MetricSample([consumer.group, topic], Double(lag)))
                }
            }
            return samples
        }
    }

    /// The outbox relay's metrics, once per process while Kafka is the broker.
    static func register(on registry: MetricsRegistry, relay: OutboxRelay) {
        registry.gauge(
            "todo_outbox_backlog_messages", help: "Events in the outbox the relay has not yet published to Kafka."
        ) { [MetricSample(Double(try relay.status().backlog))] }
        registry.counter(
            "todo_outbox_relayed_messages_total", help: "Events the outbox relay published to Kafka."
        ) { [MetricSample(Double(try relay.status().relayed))] }
        registry.gauge(
            "todo_outbox_relay_degraded",
            help: "1 while the relay fails to publish or waits on the broker too long, else 0."
        ) { [MetricSample(try relay.status().degraded ? 1 : 0)] }
    }

    /// With Kafka, a broker that is away fails the scrape of these families within a second
    /// instead of holding it for librdkafka's request timeout.
    private static func reachable(_ log: any EventLog) throws {
        if let kafka = log as? KafkaEventLog { try kafka.checkReachable(timeout: 1) }
    }
}
