import Foundation
import Synchronization
import TodoBackend
import TodoCore
import TodoEvents
import TodoLogging

/// `bench events`: the latency from a task change's commit to a consumer's handler, in one
/// process on the embedded log. Each sample creates a task through `TaskService` (task row plus
/// its events in one transaction) and stamps the title with the time just before the write; a
/// consumer group on `task-events`, run by the same `EventConsumer` every service uses, reads the
/// stamp in its handler. Changes are made one at a time with a short pause, so the numbers are
/// the wake-up path, not a queue.
struct EventLatencyBench {
    let composition: Composition
    let samples: Int
    let pause: Duration

    struct Result {
        let latencies: [Double]

        func percentile(_ fraction: Double) -> Double {
            let sorted = latencies.sorted()
            guard !sorted.isEmpty else { return .nan }
            return sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))]
        }
    }

    func run() throws -> Result {
        let latencies = LatencyRecorder()
        let consumer = EventConsumer(
            group: "bench-latency", topics: [EventTopics.taskEvents], log: composition.eventLog,
            store: composition.store,
            options: EventConsumer.Options(subscription: SubscriptionOptions(startPosition: .latest)),
            logger: Logger(service: "bench", level: .warning)
        ) { delivery, _ in
            let received = DispatchTime.now().uptimeNanoseconds
            guard let title = delivery.event.data["task"]?["title"]?.stringValue,
                let sent = UInt64(title.dropFirst("latency ".count))
            else { return }
            latencies.add(Double(received - sent) / 1e6)
        }
        try consumer.start()
        defer { consumer.stop() }
        // Let the member take its partitions before the first sample.
        Thread.sleep(forTimeInterval: 0.3)

        // A fresh account each run, so runs on a database that outlives them do not collide.
        let email = "latency-\(UUID().uuidString.prefix(8).lowercased())@bench.invalid"
        let user = try composition.backend.accounts.signUp(
            SignUpInput.parse(
                .object(["email": .string(email), "password": "bench-password-latency", "timezone": "UTC"])))
        for _ in 0..<samples {
            let changes = try TaskChanges.parse(
                .object(["title": .string("latency \(DispatchTime.now().uptimeNanoseconds)")]), mode: .create)
            _ = try composition.backend.tasks.create(for: user.user, changes)
            Thread.sleep(
                forTimeInterval: Double(pause.components.seconds) + Double(pause.components.attoseconds) / 1e18)
        }

        let deadline = Date(timeIntervalSinceNow: 10)
        while latencies.count < samples && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        return Result(latencies: latencies.values)
    }
}

/// Latencies in milliseconds, added from the consumer's thread.
private final class LatencyRecorder: Sendable {
    private let storage = Mutex<[Double]>([])

    func add(_ milliseconds: Double) { storage.withLock { $0.append(milliseconds) } }
    var values: [Double] { storage.withLock { $0 } }
    var count: Int { storage.withLock { $0.count } }
}
