import Synchronization

/// Observations counted into buckets by upper bound, with their sum: request durations,
/// reminder lateness. Each bucket is its own atomic and holds only the observations that fell
/// into it; the cumulative `le` counts Prometheus expects are summed when scraped, and the
/// count is the sum of every bucket including `+Inf`, so `_count` always equals the `+Inf`
/// bucket of the same scrape.
public final class Histogram: Sendable {
    /// The finite upper bounds, ascending; `+Inf` is implicit.
    public let upperBounds: [Double]
    /// One cell per finite bound, then one for `+Inf`.
    private let cells: [AtomicCell]
    private let sumBits = Atomic<UInt64>(0.0.bitPattern)

    /// Latency buckets in seconds from one millisecond to ten seconds.
    public static let defaultBuckets: [Double] = [
        0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
    ]

    /// `upperBounds` must be finite, ascending and without duplicates (a programming error
    /// otherwise).
    public init(upperBounds: [Double] = Histogram.defaultBuckets) {
        precondition(upperBounds.allSatisfy(\.isFinite), "Histogram bounds must be finite; +Inf is implicit")
        precondition(zip(upperBounds, upperBounds.dropFirst()).allSatisfy(<), "Histogram bounds must ascend")
        self.upperBounds = upperBounds
        self.cells = (0...upperBounds.count).map { _ in AtomicCell() }
    }

    /// Counts `value` in the first bucket whose bound is at least `value` (`le` is inclusive).
    /// NaN is ignored: it would poison the sum forever.
    public func observe(_ value: Double) {
        guard !value.isNaN else { return }

        var index = upperBounds.count
        for (position, bound) in upperBounds.enumerated() where value <= bound {
            index = position
            break
        }
        cells[index].value.add(1, ordering: .relaxed)

        var current = sumBits.load(ordering: .relaxed)
        while true {
            let next = (Double(bitPattern: current) + value).bitPattern
            let (exchanged, original) = sumBits.compareExchange(
                expected: current, desired: next, ordering: .relaxed)
            if exchanged { return }
            current = original
        }
    }

    /// The observation counts per bucket, cumulative (the last one is `+Inf`), and the sum.
    public var snapshot: (cumulativeCounts: [Int], sum: Double) {
        var running = 0
        let counts = cells.map { cell in
            running += cell.value.load(ordering: .relaxed)
            return running
        }
        return (counts, Double(bitPattern: sumBits.load(ordering: .relaxed)))
    }

    /// Observations so far.
    public var count: Int { snapshot.cumulativeCounts.last ?? 0 }
}

/// An atomic counter that can live in an array (`Atomic` itself cannot be copied or moved).
final class AtomicCell: Sendable {
    let value = Atomic<Int>(0)
}
