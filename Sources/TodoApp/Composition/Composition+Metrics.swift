import TodoEvents
import TodoHTTP
import TodoLogging
import TodoMetrics

extension Composition {
    /// The registry of what is once per process, whichever services it serves: the process
    /// metrics, and with Kafka the outbox relay's. Every service's `/metrics` includes it.
    static func processMetrics(relay: OutboxRelay?, logger: Logger) -> MetricsRegistry {
        let registry = metricsRegistry(logger: logger)
        ProcessMetrics.register(on: registry)
        if let relay { EventMetrics.register(on: registry, relay: relay) }
        return registry
    }

    /// An empty registry whose failing callbacks are logged (at most what a scrape reads).
    static func metricsRegistry(logger: Logger) -> MetricsRegistry {
        MetricsRegistry { metric, error in
            logger.warning("Could not collect a metric", ["metric": metric, LogKey.error: String(describing: error)])
        }
    }

    /// `GET /metrics` on `router` (the process's and `registry`'s families) and the HTTP metrics
    /// of service `name`, for its pipeline.
    func instrument(_ name: ServiceName, router: inout Router, registry: MetricsRegistry) -> HTTPMetrics {
        Self.instrument(name, router: &router, registries: [metrics, registry])
    }

    /// `GET /metrics` on `router` serving `registries`, and the HTTP metrics of service `name` in
    /// the last of them.
    static func instrument(_ name: ServiceName, router: inout Router, registries: [MetricsRegistry]) -> HTTPMetrics {
        MetricsRoute(registries: registries).register(on: &router)
        return HTTPMetrics(service: name.rawValue, registry: registries[registries.count - 1])
    }
}
