import TodoCore
import TodoMetrics

/// `GET /metrics`: the families of `registries` in the Prometheus text exposition format, for
/// every service's listener.
///
/// Metrics are for scrapers inside the cluster, which call the Pod or its Service directly. A
/// request a proxy forwarded (it carries `X-Forwarded-For`, as an Ingress adds) is answered 404
/// `route_not_found`, so the web UI's catch-all route `/` does not publish them to the internet.
public struct MetricsRoute: Sendable {
    public let registries: [MetricsRegistry]

    public init(registries: [MetricsRegistry]) {
        self.registries = registries
    }

    public func register(on router: inout Router) {
        router.get("/metrics") { [registries] request in
            guard !request.headers.contains("X-Forwarded-For") else {
                throw Router.notFound
            }
            return HTTPResponse(
                status: 200, headers: ["Content-Type": MetricsRegistry.contentType, "Cache-Control": "no-store"],
                body: Array(MetricsRegistry.exposition(of: registries).utf8))
        }
    }
}
