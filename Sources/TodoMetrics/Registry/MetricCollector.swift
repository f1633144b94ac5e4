/// One family as the registry scrapes it: its name, help and type, and how to write its samples.
struct MetricCollector: Sendable {
    let name: String
    let help: String
    let type: MetricType
    /// Writes the family's sample lines, ordered by label values; throws when a callback cannot
    /// read what it reports.
    let write: @Sendable (inout ExpositionWriter) throws -> Void
}

extension MetricCollector {
    static func counters(_ family: CounterFamily) -> MetricCollector {
        MetricCollector(name: family.name, help: family.help, type: .counter) { writer in
            for (values, counter) in family.sortedChildren {
                writer.sample(
                    family.name, labelNames: family.labelNames, labelValues: values, value: Double(counter.total))
            }
        }
    }

    static func gauges(_ family: GaugeFamily) -> MetricCollector {
        MetricCollector(name: family.name, help: family.help, type: .gauge) { writer in
            for (values, gauge) in family.sortedChildren {
                writer.sample(family.name, labelNames: family.labelNames, labelValues: values, value: gauge.value)
            }
        }
    }

    /// `_bucket{le=...}` cumulative and ascending, ending with `+Inf`, then `_sum` and `_count`,
    /// per child.
    static func histograms(_ family: HistogramFamily) -> MetricCollector {
        MetricCollector(name: family.name, help: family.help, type: .histogram) { writer in
            let names = family.labelNames
            for (values, histogram) in family.sortedChildren {
                let (counts, sum) = histogram.snapshot
                let bounds = histogram.upperBounds.map(ExpositionWriter.format) + ["+Inf"]
                for (bound, count) in zip(bounds, counts) {
                    writer.sample(
                        family.name + "_bucket", labelNames: names, labelValues: values, extra: ("le", bound),
                        value: Double(count))
                }
                writer.sample(family.name + "_sum", labelNames: names, labelValues: values, value: sum)
                writer.sample(
                    family.name + "_count", labelNames: names, labelValues: values, value: Double(counts.last ?? 0))
            }
        }
    }

    /// A counter or gauge whose series are computed at scrape time.
    static func callback(
        name: String, help: String, type: MetricType, labelNames: [String],
        collect: @escaping @Sendable () throws -> [MetricSample]
    ) -> MetricCollector {
        MetricName.validate(metric: name, labels: labelNames)
        return MetricCollector(name: name, help: help, type: type) { writer in
            let samples = try collect().sorted { $0.labelValues.lexicographicallyPrecedes($1.labelValues) }
            for sample in samples {
                precondition(
                    sample.labelValues.count == labelNames.count,
                    "\(name) has labels \(labelNames), a callback reported \(sample.labelValues.count) values")
                writer.sample(name, labelNames: labelNames, labelValues: sample.labelValues, value: sample.value)
            }
        }
    }
}
