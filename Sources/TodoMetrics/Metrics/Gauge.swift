import Synchronization

/// A value that goes up and down: requests in flight, connections open. Stored as the bits of a
/// `Double` in one atomic word, so ``set(_:)`` is a store and ``add(_:)`` a compare-exchange loop.
public final class Gauge: Sendable {
    private let bits = Atomic<UInt64>(0.0.bitPattern)

    public init() {}

    public func set(_ value: Double) {
        bits.store(value.bitPattern, ordering: .relaxed)
    }

    public func add(_ amount: Double) {
        var current = bits.load(ordering: .relaxed)
        while true {
            let next = (Double(bitPattern: current) + amount).bitPattern
            let (exchanged, original) = bits.compareExchange(
                expected: current, desired: next, ordering: .relaxed)
            if exchanged { return }
            current = original
        }
    }

    public func increment() { add(1) }

    public func decrement() { add(-1) }

    public var value: Double { Double(bitPattern: bits.load(ordering: .relaxed)) }
}
