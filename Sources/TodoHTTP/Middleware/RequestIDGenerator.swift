import Synchronization

/// Makes request ids: a random per-process prefix and a counter (`3f9a1c2e-1b`). Unique within
/// the process and, with high probability, across replicas; cheap enough for every request.
public final class RequestIDGenerator: Sendable {
    private let prefix: String
    private let counter = Atomic<UInt64>(0)

    public init() {
        let random = UInt32.random(in: .min ... .max)
        let hex = String(random, radix: 16)
        prefix = String(repeating: "0", count: 8 - hex.count) + hex + "-"
    }

    public func next() -> String {
        let number = counter.add(1, ordering: .relaxed).newValue
        return prefix + String(number, radix: 16)
    }
}
