import Foundation
import TodoCore
import TodoDapr
import TodoEvents
import TodoHTTP
import TodoLogging

extension Composition {
    /// With `events.broker=dapr`: the log services see (pushed subscriptions, reads from the
    /// outbox) and the relay that drains the outbox to the sidecar. A sidecar that is not up yet
    /// stops nothing: the outbox fills and the relay retries with backoff.
    static func daprBroker(
        settings: AppSettings, outbox: any EventLog & ConsumerBackend,
        observeAppends: (@escaping @Sendable () -> Void) -> Void, logger: Logger, ids: any IDGenerator
    ) -> (DaprEventLog, OutboxRelay) {
        let dapr = DaprEventLog(outbox: outbox, sidecar: DaprSidecar(configuration: settings.dapr))
        let relay = OutboxRelay(
            source: outbox, target: dapr,
            options: OutboxRelay.Options(pollInterval: TimeInterval(settings.eventPollIntervalMilliseconds) / 1000),
            memberID: "relay-\(ProcessInfo.processInfo.processIdentifier)-\(ids.next().suffix(12))", logger: logger)
        observeAppends { [weak relay] in relay?.wake() }
        logger.info(
            "Events go through the Dapr sidecar",
            ["dapr.pubsub": settings.dapr.pubsub, LogKey.port: String(settings.dapr.httpPort)])
        return (dapr, relay)
    }

    /// `GET /dapr/subscribe` and `POST /dapr/events/{topic}` for `consumers` (group and topics),
    /// when events go through Dapr; nothing otherwise.
    func registerDaprRoutes(
        on router: inout Router, service: ServiceName, consumers: [(group: String, topics: [String])]
    ) {
        guard let dapr = eventLog as? DaprEventLog else { return }
        DaprSubscriptionRoutes(
            log: dapr, subscriptions: consumers, logger: logger.with(LogKey.service, service.rawValue)
        ).register(on: &router)
    }

    /// The `event_log` readiness check with Dapr, like Kafka's: degraded, never down, while the
    /// sidecar is not healthy, since requests only write the outbox. Details: the outbox backlog
    /// and relay state, the sidecar, and what each consumer of this service has handled.
    static func daprCheck(_ dapr: DaprEventLog, relay: OutboxRelay, consumers: [EventConsumer]) -> ReadinessCheck {
        ReadinessCheck(name: "event_log") {
            let outbox = try relay.statusDetails()
            var details: [String: JSONValue] = [
                "broker": .string("dapr"), "pubsub": .string(dapr.sidecar.configuration.pubsub),
                "outbox": outbox.details, "consumers": .array(consumers.map(daprConsumerDetails)),
            ]
            let reason = "The Dapr sidecar is not reachable; events wait in the outbox until it is back"
            do {
                try dapr.sidecar.checkHealthy()
                details["sidecar"] = .string("up")
            } catch {
                details["sidecar"] = .string("down")
                details["error"] = .string(EventConsumer.describe(error))
                return .degraded(reason: reason, details: .object(details))
            }
            guard !outbox.degraded else {
                // The sidecar answers but refuses the events (an unknown component, its broker down).
                return .degraded(
                    reason: "The Dapr sidecar does not accept the outbox's events; they wait in the outbox",
                    details: .object(details))
            }
            return .up(.object(details))
        }
    }

    /// ``brokerAware(_:log:)`` with Dapr: degraded instead of down while the sidecar is not healthy.
    static func sidecarAware(_ check: ReadinessCheck, dapr: DaprEventLog) -> ReadinessCheck {
        ReadinessCheck(name: check.name) {
            do {
                return try check.evaluate()
            } catch {
                guard (try? dapr.sidecar.checkHealthy()) == nil else { throw error }
                return .degraded(
                    reason: "The Dapr sidecar is not reachable; events arrive when it is back",
                    details: .object(["error": .string(EventConsumer.describe(error))]))
            }
        }
    }

    /// A consumer's counts; Dapr keeps the group's offsets, so there is no lag to report here.
    private static func daprConsumerDetails(_ consumer: EventConsumer) -> JSONValue {
        let counts = consumer.counts
        return .object([
            "group": .string(consumer.group), "topics": .array(consumer.topics.map(JSONValue.string)),
            "processed": .number(Double(counts.processed)), "duplicates_skipped": .number(Double(counts.duplicates)),
            "retries": .number(Double(counts.retried)), "dead_lettered": .number(Double(counts.deadLettered)),
        ])
    }
}
