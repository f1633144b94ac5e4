import Synchronization

/// A value that only goes up: requests served, messages handled. Increments are one relaxed
/// atomic add, so a counter is safe to bump on every request from any thread.
public final class Counter: Sendable {
    private let value = Atomic<Int>(0)

    public init() {}

    /// Adds `amount`, which must not be negative: a counter that went down would read as a
    /// restart to Prometheus' `rate()`.
    public func increment(by amount: Int = 1) {
        precondition(amount >= 0, "A counter cannot decrease (increment by \(amount))")
        value.add(amount, ordering: .relaxed)
    }

    /// The total so far.
    public var total: Int { value.load(ordering: .relaxed) }
}
