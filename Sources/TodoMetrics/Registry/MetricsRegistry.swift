import Synchronization

/// The metric families of one service (or of the process), and their exposition.
///
/// Families are registered at startup and updated from any thread; a scrape reads them in name
/// order and calls the callbacks of computed families, so what costs I/O (consumer lag, process
/// memory) is read only when Prometheus asks. Registering a name twice is a programming error.
public final class MetricsRegistry: Sendable {
    /// The `Content-Type` of the text exposition format.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    private let collectors = Mutex<[String: MetricCollector]>([:])
    private let onCollectionError: @Sendable (_ metric: String, _ error: any Error) -> Void

    /// `onCollectionError` hears of a callback that threw; that family is scraped without samples.
    public init(onCollectionError: @escaping @Sendable (_ metric: String, _ error: any Error) -> Void = { _, _ in }) {
        self.onCollectionError = onCollectionError
    }

    public func counter(_ name: String, help: String, labels: [String] = []) -> CounterFamily {
        let family = CounterFamily(name: name, help: help, labelNames: labels) { Counter() }
        register(.counters(family))
        return family
    }

    public func gauge(_ name: String, help: String, labels: [String] = []) -> GaugeFamily {
        let family = GaugeFamily(name: name, help: help, labelNames: labels) { Gauge() }
        register(.gauges(family))
        return family
    }

    public func histogram(
        _ name: String, help: String, labels: [String] = [], buckets: [Double] = Histogram.defaultBuckets
    ) -> HistogramFamily {
        let family = HistogramFamily(name: name, help: help, labelNames: labels) { Histogram(upperBounds: buckets) }
        register(.histograms(family))
        return family
    }

    /// A gauge computed at scrape time by `collect`, which reports one sample per series.
    public func gauge(
        _ name: String, help: String, labels: [String] = [], collect: @escaping @Sendable () throws -> [MetricSample]
    ) {
        register(.callback(name: name, help: help, type: .gauge, labelNames: labels, collect: collect))
    }

    /// A counter kept elsewhere (a component's own atomics) and read at scrape time.
    public func counter(
        _ name: String, help: String, labels: [String] = [], collect: @escaping @Sendable () throws -> [MetricSample]
    ) {
        register(.callback(name: name, help: help, type: .counter, labelNames: labels, collect: collect))
    }

    private func register(_ collector: MetricCollector) {
        collectors.withLock { collectors in
            precondition(collectors[collector.name] == nil, "Metric \(collector.name) is registered twice")
            collectors[collector.name] = collector
        }
    }

    /// The names of the registered families, sorted.
    public var names: [String] {
        collectors.withLock { Array($0.keys) }.sorted()
    }

    /// This registry's families in the text format.
    public func exposition() -> String {
        Self.exposition(of: [self])
    }

    /// The families of several registries (the process's and a service's) as one exposition,
    /// ordered by name. A name in two of them is a programming error.
    public static func exposition(of registries: [MetricsRegistry]) -> String {
        var all: [(MetricCollector, MetricsRegistry)] = []
        for registry in registries {
            all += registry.collectors.withLock { Array($0.values) }.map { ($0, registry) }
        }
        all.sort { $0.0.name < $1.0.name }
        for (previous, next) in zip(all, all.dropFirst()) {
            precondition(previous.0.name != next.0.name, "Metric \(next.0.name) is in two registries")
        }

        var writer = ExpositionWriter()
        for (collector, registry) in all {
            writer.header(name: collector.name, help: collector.help, type: collector.type)
            var lines = ExpositionWriter(capacity: 256)
            do {
                try collector.write(&lines)
                writer.append(lines)
            } catch {
                registry.onCollectionError(collector.name, error)
            }
        }
        return writer.text
    }
}
