import Synchronization
import Testing

@testable import TodoMetrics

@Suite("Prometheus text exposition")
struct ExpositionTests {
    @Test func counterFamily_writesHelpTypeAndOneLinePerSeries() {
        let registry = MetricsRegistry()
        let requests = registry.counter("http_requests_total", help: "Requests.", labels: ["method", "status"])
        requests.labels("GET", "200").increment(by: 3)
        requests.labels("POST", "201").increment()

        #expect(
            registry.exposition() == """
                # HELP http_requests_total Requests.
                # TYPE http_requests_total counter
                http_requests_total{method="GET",status="200"} 3
                http_requests_total{method="POST",status="201"} 1

                """)
    }

    @Test func labelValues_escapeBackslashQuoteAndNewline() {
        let registry = MetricsRegistry()
        let family = registry.gauge("odd_values", help: "Help with a \\ and a\nnewline.", labels: ["value"])
        family.labels("a\\b \"quoted\"\nnext").set(1.5)

        let text = registry.exposition()

        #expect(text.contains(#"# HELP odd_values Help with a \\ and a\nnewline."#))
        #expect(text.contains(#"odd_values{value="a\\b \"quoted\"\nnext"} 1.5"#))
        #expect(text.split(separator: "\n").count == 3)
    }

    @Test func histogram_bucketsAreCumulativeAndEndWithInf_sumAndCountFollow() {
        let registry = MetricsRegistry()
        let family = registry.histogram("latency_seconds", help: "Latency.", labels: ["route"], buckets: [0.1, 1, 5])
        let histogram = family.labels("/a")
        for value in [0.05, 0.1, 0.5, 0.7, 3, 10, 20] { histogram.observe(value) }

        #expect(
            registry.exposition() == """
                # HELP latency_seconds Latency.
                # TYPE latency_seconds histogram
                latency_seconds_bucket{route="/a",le="0.1"} 2
                latency_seconds_bucket{route="/a",le="1"} 4
                latency_seconds_bucket{route="/a",le="5"} 5
                latency_seconds_bucket{route="/a",le="+Inf"} 7
                latency_seconds_sum{route="/a"} 34.35
                latency_seconds_count{route="/a"} 7

                """)
    }

    @Test func families_areOrderedByName_andSeriesByLabelValues() {
        let registry = MetricsRegistry()
        let zeta = registry.counter("zeta_total", help: "Z.", labels: ["k"])
        let alpha = registry.gauge("alpha", help: "A.", labels: ["k"])
        for key in ["b", "c", "a"] {
            zeta.labels(key).increment()
            alpha.labels(key).set(2)
        }
        registry.gauge("middle", help: "M.", labels: ["k"]) {
            [MetricSample(["y"], 1), MetricSample(["x"], 2)]
        }

        let samples = registry.exposition().split(separator: "\n").filter { !$0.hasPrefix("#") }

        #expect(
            samples == [
                #"alpha{k="a"} 2"#, #"alpha{k="b"} 2"#, #"alpha{k="c"} 2"#, #"middle{k="x"} 2"#, #"middle{k="y"} 1"#,
                #"zeta_total{k="a"} 1"#, #"zeta_total{k="b"} 1"#, #"zeta_total{k="c"} 1"#,
            ])
        #expect(registry.exposition() == registry.exposition())
    }

    @Test func severalRegistries_mergeIntoOneOrderedExposition() {
        let process = MetricsRegistry()
        let service = MetricsRegistry()
        process.gauge("process_open_fds", help: "Fds.") { [MetricSample(7)] }
        service.counter("http_requests_total", help: "Requests.").labels().increment()

        let names = MetricsRegistry.exposition(of: [process, service]).split(separator: "\n")
            .filter { $0.hasPrefix("# TYPE") }

        #expect(names == ["# TYPE http_requests_total counter", "# TYPE process_open_fds gauge"])
    }

    @Test func unlabeledFamily_isScrapedAsZeroBeforeFirstUse() {
        let registry = MetricsRegistry()
        _ = registry.counter("jobs_total", help: "Jobs.")

        #expect(registry.exposition().hasSuffix("jobs_total 0\n"))
    }

    @Test func failingCallback_leavesHeaderWithoutSamples_andIsReported() {
        struct Unreadable: Error {}
        let reported = ReportedNames()
        let registry = MetricsRegistry { name, _ in reported.add(name) }
        registry.gauge("lag", help: "Lag.") { throw Unreadable() }
        registry.gauge("ok", help: "Fine.") { [MetricSample(1)] }

        let text = registry.exposition()

        #expect(text == "# HELP lag Lag.\n# TYPE lag gauge\n# HELP ok Fine.\n# TYPE ok gauge\nok 1\n")
        #expect(reported.names == ["lag"])
    }

    @Test func numbers_useTheFormatsSpelling() {
        #expect(ExpositionWriter.format(42) == "42")
        #expect(ExpositionWriter.format(0.005) == "0.005")
        #expect(ExpositionWriter.format(-2.5) == "-2.5")
        #expect(ExpositionWriter.format(.infinity) == "+Inf")
        #expect(ExpositionWriter.format(-.infinity) == "-Inf")
        #expect(ExpositionWriter.format(.nan) == "NaN")
        #expect(Double(ExpositionWriter.format(1e-7)) == 1e-7)
        #expect(Double(ExpositionWriter.format(1.7e300)) == 1.7e300)
    }

    @Test func names_followTheGrammar() {
        #expect(MetricName.isValid("todo_consumer_lag_messages", allowColon: true))
        #expect(MetricName.isValid("job:rate5m", allowColon: true))
        #expect(!MetricName.isValid("job:rate5m", allowColon: false))
        #expect(!MetricName.isValid("9lives", allowColon: true))
        #expect(!MetricName.isValid("has-dash", allowColon: true))
        #expect(!MetricName.isValid("", allowColon: true))
    }
}

/// Collects the names a registry reports as failed.
private final class ReportedNames: Sendable {
    private let storage = Mutex<[String]>([])

    func add(_ name: String) { storage.withLock { $0.append(name) } }

    var names: [String] { storage.withLock { $0 } }
}
