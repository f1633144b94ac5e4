import Foundation
import TodoCore
import TodoDapr
import TodoEvents
import TodoHTTP
import TodoKafka
import TodoLogging
import TodoNotify
import TodoRecurring

extension Composition {
    /// The consumer groups of the product, listed by `group list` even where the broker cannot
    /// list groups (librdkafka's mock cluster).
    static let productGroups = [NotificationService.group, RecurringTaskService.group]

    /// The log services see, and with Kafka the relay that feeds it from `outbox`.
    ///
    /// With Kafka, a broker that cannot be reached at startup does not stop the process: the API
    /// answers, the outbox fills, the relay creates the topics once the broker is back, and
    /// consumers join their groups then.
    static func broker(
        settings: AppSettings, outbox: any EventLog & ConsumerBackend,
        observeAppends: (@escaping @Sendable () -> Void) -> Void, logger: Logger, clock: any TimeSource,
        ids: any IDGenerator
    ) throws -> (any EventLog, OutboxRelay?) {
        if settings.eventBroker == .dapr {
            return daprBroker(
                settings: settings, outbox: outbox, observeAppends: observeAppends, logger: logger, ids: ids)
        }
        guard settings.eventBroker == .kafka else { return (outbox, nil) }

        let kafka = try kafkaEventLog(settings: settings, logger: logger, clock: clock)
        do {
            // A short probe first, so that an unreachable broker costs seconds, not the request timeout.
            try kafka.checkReachable(timeout: 2)
            try kafka.ensureTopics(EventTopics.standard(partitions: settings.eventPartitions))
        } catch let error as AppError where error.kind == .unavailable {
            logger.warning(
                "Kafka is not reachable at startup; events wait in the outbox",
                [LogKey.error: error.message, LogKey.errorCode: error.code])
        }

        let relay = OutboxRelay(
            source: outbox, sink: kafka,
            options: OutboxRelay.Options(pollInterval: TimeInterval(settings.eventPollIntervalMilliseconds) / 1000),
            memberID: "relay-\(ProcessInfo.processInfo.processIdentifier)-\(ids.next().suffix(12))", logger: logger
        ) { [weak kafka] in kafka?.cancelPublishing() }
        observeAppends { [weak relay] in relay?.wake() }
        return (kafka, relay)
    }

    /// The Kafka log of the configured cluster.
    static func kafkaEventLog(
        settings: AppSettings, logger: Logger, clock: any TimeSource = SystemTimeSource()
    ) throws -> KafkaEventLog {
        try KafkaEventLog(
            configuration: settings.kafka, retention: retentionPolicy(settings), clock: clock, logger: logger,
            knownGroups: productGroups)
    }

    /// A consumer's own readiness check (the sync service's subscription), made degraded instead
    /// of down while the Kafka broker cannot be reached: the consumer joins its group once it is
    /// back, and until then the service still answers. Unchanged on the embedded log.
    static func brokerAware(_ check: ReadinessCheck, log: any EventLog) -> ReadinessCheck {
        if let dapr = log as? DaprEventLog { return sidecarAware(check, dapr: dapr) }
        guard let kafka = log as? KafkaEventLog else { return check }
        return ReadinessCheck(name: check.name) {
            do {
                return try check.evaluate()
            } catch {
                guard (try? kafka.checkReachable(timeout: 1)) == nil else { throw error }
                return .degraded(
                    reason: "The Kafka broker is not reachable; consumption resumes when it is back",
                    details: .object(["error": .string(EventConsumer.describe(error))]))
            }
        }
    }

    /// The `event_log` readiness check with Kafka: degraded, never down, while the broker cannot be
    /// reached, since requests only write the outbox. Details: the outbox backlog and relay state,
    /// and, while the broker answers, its topics and the consumers' lag.
    static func kafkaCheck(_ kafka: KafkaEventLog, relay: OutboxRelay, consumers: [EventConsumer]) -> ReadinessCheck {
        ReadinessCheck(name: "event_log") {
            let outbox = try relay.statusDetails()
            var details: [String: JSONValue] = ["broker": .string("kafka"), "outbox": outbox.details]
            let reason = "The Kafka broker is not reachable; events wait in the outbox until it is back"
            guard !outbox.degraded else { return .degraded(reason: reason, details: .object(details)) }

            do {
                try kafka.checkReachable(timeout: 1)
                let broker = try EventLogStatus.details(log: kafka, consumers: consumers)
                details.merge(broker.objectValue ?? [:]) { current, _ in current }
                return .up(.object(details))
            } catch {
                details["error"] = .string(EventConsumer.describe(error))
                return .degraded(reason: reason, details: .object(details))
            }
        }
    }
}
