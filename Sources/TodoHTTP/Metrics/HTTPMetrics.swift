import TodoMetrics

/// The HTTP metrics of one service: `http_requests_total{service,method,route,status}`,
/// `http_request_duration_seconds{service,method,route}` and `http_requests_in_flight{service}`.
///
/// `route` is the matched route's template (`/api/tasks/{id}`), or ``unmatchedRoute`` when no
/// route matched, and `method` one of the standard methods or `OTHER`, so the number of series
/// is bounded by the routes, methods and statuses, never by the paths or methods clients send.
public final class HTTPMetrics: Sendable {
    /// The `route` label of a request whose path matched no route.
    public static let unmatchedRoute = "unmatched"

    public let service: String
    private let requests: CounterFamily
    private let durations: HistogramFamily
    /// In flight = started − finished, read at scrape time: two wait-free adds per request
    /// instead of compare-exchange loops on one shared gauge.
    private let started = Counter()
    private let finished = Counter()
    /// The `method` label of a request whose method is not a standard one (RFC 9110 §9, PATCH).
    public static let otherMethod = HTTPMethod(rawValue: "OTHER")
    /// Methods counted under their own name; any other token a client sends counts as ``otherMethod``.
    static let labelledMethods: Set<HTTPMethod> = [
        .get, .head, .post, .put, .patch, .delete, .options, "CONNECT", "TRACE",
    ]

    /// The series of each method, route and status, looked up per thread so that a request
    /// takes no lock; the families' own lock is taken only the first time a thread sees a series.
    private let series = ThreadLocalCache<SeriesKey, Series>()

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
        registry.gauge("http_requests_in_flight", help: "HTTP requests being handled now.", labels: ["service"]) {
            [started, finished] in
            // Finished first: read the other way round, a request ending in between could show as -1.
            let done = finished.total
            return [MetricSample([service], Double(started.total - done))]
        }
    }

    func requestStarted() {
        started.increment()
    }

    /// Counts one answered request and its duration in seconds.
    func requestFinished(method: HTTPMethod, route: String?, status: Int, seconds: Double) {
        let method = Self.labelledMethods.contains(method) ? method : Self.otherMethod
        let key = SeriesKey(method: method, route: route, status: status)
        let series = self.series.value(for: key) {
            let label = route ?? Self.unmatchedRoute
            return Series(
                requests: requests.labels(service, method.rawValue, label, String(status)),
                duration: durations.labels(service, method.rawValue, label))
        }
        series.requests.increment()
        series.duration.observe(seconds)
        finished.increment()
    }
}
