import Synchronization

/// The series of one metric, one child per set of label values: `http_requests_total` with a
/// counter per service, method, route and status. Children are created on first use and live as
/// long as the family, so a caller on a hot path may look one up once and keep it.
///
/// Label values must come from a bounded set (route templates, never raw paths); every distinct
/// set is a series kept forever.
public final class MetricFamily<Child: AnyObject & Sendable>: Sendable {
    public let name: String
    public let help: String
    public let labelNames: [String]
    private let make: @Sendable () -> Child
    private let children = Mutex<[[String]: Child]>([:])

    init(name: String, help: String, labelNames: [String], make: @escaping @Sendable () -> Child) {
        MetricName.validate(metric: name, labels: labelNames)
        self.name = name
        self.help = help
        self.labelNames = labelNames
        self.make = make
        // A family without labels has its one series from the start, so it is scraped as 0.
        if labelNames.isEmpty { _ = labels([]) }
    }

    /// The child for `values`, one per label name in order (a programming error otherwise).
    public func labels(_ values: [String]) -> Child {
        precondition(
            values.count == labelNames.count,
            "\(name) has labels \(labelNames), given \(values.count) values")
        return children.withLock { children in
            if let child = children[values] { return child }
            let child = make()
            children[values] = child
            return child
        }
    }

    public func labels(_ values: String...) -> Child {
        labels(values)
    }

    /// Every child with its label values, ordered by those values: the order of the exposition.
    var sortedChildren: [(labelValues: [String], child: Child)] {
        children.withLock { children in children.map { ($0.key, $0.value) } }
            .sorted { $0.labelValues.lexicographicallyPrecedes($1.labelValues) }
    }
}

public typealias CounterFamily = MetricFamily<Counter>
public typealias GaugeFamily = MetricFamily<Gauge>
public typealias HistogramFamily = MetricFamily<Histogram>

/// What a callback reports at scrape time: one series' label values and its value.
public struct MetricSample: Sendable, Equatable {
    public var labelValues: [String]
    public var value: Double

    public init(_ labelValues: [String], _ value: Double) {
        self.labelValues = labelValues
        self.value = value
    }

    /// The one series of a family without labels.
    public init(_ value: Double) {
        self.init([], value)
    }
}
