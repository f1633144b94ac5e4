import Synchronization

/// What one ``EventConsumer`` did since it started, for readiness details and tests.
public struct ConsumerCounts: Sendable, Equatable {
    /// Events whose handler ran and committed.
    public var processed = 0
    /// Redelivered events skipped because they were already processed.
    public var duplicates = 0
    /// Handler failures that led to a retry.
    public var retried = 0
    /// Messages written to a dead-letter topic.
    public var deadLettered = 0
}

/// Lock-protected counts, updated from the consumer's thread and read from anywhere.
final class ConsumerCounters: Sendable {
    enum Outcome { case processed, duplicate, retried, deadLettered }

    private let counts = Mutex(ConsumerCounts())

    func record(_ outcome: Outcome) {
        counts.withLock { counts in
            switch outcome {
            case .processed: counts.processed += 1
            case .duplicate: counts.duplicates += 1
            case .retried: counts.retried += 1
            case .deadLettered: counts.deadLettered += 1
            }
        }
    }

    var snapshot: ConsumerCounts { counts.withLock { $0 } }
}
