import Foundation
import Testing

@testable import TodoMetrics

@Suite("Metrics under concurrent updates")
struct ConcurrencyTests {
    static let threads = 8
    static let perThread = 20_000

    @Test func counters_gaugesAndHistograms_countEveryUpdateFromManyThreads() {
        let registry = MetricsRegistry()
        let requests = registry.counter("requests_total", help: "R.", labels: ["route"])
        let inFlight = registry.gauge("in_flight", help: "I.").labels()
        let durations = registry.histogram("duration_seconds", help: "D.", labels: ["route"], buckets: [0.5, 1.5])

        DispatchQueue.concurrentPerform(iterations: Self.threads) { thread in
            let route = thread.isMultiple(of: 2) ? "/even" : "/odd"
            for step in 0..<Self.perThread {
                inFlight.increment()
                requests.labels(route).increment()
                durations.labels(route).observe(Double(step % 3))
                inFlight.decrement()
            }
        }

        let perRoute = Self.threads / 2 * Self.perThread
        #expect(requests.labels("/even").total == perRoute)
        #expect(requests.labels("/odd").total == perRoute)
        #expect(inFlight.value == 0)
        for route in ["/even", "/odd"] {
            let (counts, sum) = durations.labels(route).snapshot
            // Steps cycle through 0, 1, 2: a third in each bucket, 20 000 not being a multiple of 3.
            let zeros = (0..<Self.perThread).filter { $0 % 3 == 0 }.count * Self.threads / 2
            let ones = (0..<Self.perThread).filter { $0 % 3 == 1 }.count * Self.threads / 2
            #expect(counts == [zeros, zeros + ones, perRoute])
            #expect(sum == Double(ones + 2 * (perRoute - zeros - ones)))
        }
    }

    @Test func scrapesWhileUpdating_seeCountsThatNeverGoDown() {
        let registry = MetricsRegistry()
        let counter = registry.counter("events_total", help: "E.").labels()
        let histogram = registry.histogram("sizes", help: "S.", buckets: [1]).labels()
        let done = DispatchSemaphore(value: 0)

        DispatchQueue.global().async {
            DispatchQueue.concurrentPerform(iterations: 4) { _ in
                for _ in 0..<Self.perThread {
                    counter.increment()
                    histogram.observe(2)
                }
            }
            done.signal()
        }
        var last = 0
        var monotonic = true
        while done.wait(timeout: .now()) == .timedOut {
            let text = registry.exposition()
            let line = text.split(separator: "\n").first { $0.hasPrefix("events_total ") }
            let value = Int(line?.split(separator: " ").last ?? "") ?? -1
            if value < last { monotonic = false }
            last = value
            let (counts, _) = histogram.snapshot
            if counts.first ?? 0 > counts.last ?? 0 { monotonic = false }
        }

        #expect(monotonic)
        #expect(counter.total == 4 * Self.perThread)
        #expect(histogram.count == 4 * Self.perThread)
    }
}
