import TodoMetrics

/// `GET /metrics`: the families of `registries` in the Prometheus text exposition format, for
/// every service's listener.
public struct MetricsRoute: Sendable {
    public let registries: [MetricsRegistry]

    public init(registries: [MetricsRegistry]) {
        self.registries = registries
    }

    public func register(on router: inout Router) {
        router.get("/metrics") { [registries] _ in
            HTTPResponse(
                status: 200, headers: ["Content-Type": MetricsRegistry.contentType, "Cache-Control": "no-store"],
                body: Array(MetricsRegistry.exposition(of: registries).utf8))
        }
    }
}
