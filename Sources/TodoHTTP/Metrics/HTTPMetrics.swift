import Synchronization
import TodoMetrics

/// The HTTP metrics of one service: `http_requests_total{service,method,route,status}`,
/// `http_request_duration_seconds{service,method,route}` and `http_requests_in_flight{service}`.
///
/// `route` is the matched route's template (`/api/tasks/{id}`), or ``unmatchedRoute`` when no
/// route matched, so the number of series is bounded by the routes, methods and statuses, never
/// by the paths clients send.
public final class HTTPMetrics: Sendable {
    /// The `route` label of a request whose path matched no route.
    public static let unmatchedRoute = "unmatched"

    public let service: String
    private let requests: CounterFamily
    private let durations: HistogramFamily
    private let inFlight: Gauge
    /// The series of each method, route and status seen, so that a request costs one dictionary
    /// lookup under one lock instead of building label arrays and two family lookups.
    private let series = Mutex<[SeriesKey: Series]>([:])

    private struct SeriesKey: Hashable {
        let method: HTTPMethod
        let route: String?
        let status: Int
    }

    private struct Series {
        let requests: Counter
        let duration: Histogram
    }

    public init(service: String, registry: MetricsRegistry) {
        self.service = service
        requests = registry.counter(
            "http_requests_total", help: "HTTP requests answered, by route template and status.",
            labels: ["service", "method", "route", "status"])
        durations = registry.histogram(
            "http_request_duration_seconds", help: "Time from receiving a request to its response, by route template.",
            labels: ["service", "method", "route"])
        inFlight = registry.gauge(
            "http_requests_in_flight", help: "HTTP requests being handled now.", labels: ["service"]
        ).labels(service)
    }

    func requestStarted() {
        inFlight.increment()
    }

    /// Counts one answered request and its duration in seconds.
    func requestFinished(method: HTTPMethod, route: String?, status: Int, seconds: Double) {
        inFlight.decrement()
        let key = SeriesKey(method: method, route: route, status: status)
        let series = self.series.withLock { cache in
            if let found = cache[key] { return found }
            let label = route ?? Self.unmatchedRoute
            let created = Series(
                requests: requests.labels(service, method.rawValue, label, String(status)),
                duration: durations.labels(service, method.rawValue, label))
            cache[key] = created
            return created
        }
        series.requests.increment()
        series.duration.observe(seconds)
    }
}
