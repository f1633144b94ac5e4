import Synchronization

/// Callbacks a store runs after committing a write that appended event-log messages: how
/// consumers in this process are woken at once instead of at their next poll.
public final class CommitObservers: Sendable {
    private let observers = Mutex<[Int: @Sendable () -> Void]>([:])
    private let nextToken = Atomic<Int>(0)

    public init() {}

    /// Adds `observer`; returns the token that removes it.
    public func add(_ observer: @escaping @Sendable () -> Void) -> Int {
        let token = nextToken.add(1, ordering: .relaxed).newValue
        observers.withLock { $0[token] = observer }
        return token
    }

    public func remove(_ token: Int) {
        observers.withLock { $0[token] = nil }
    }

    /// Runs every observer on the calling thread; observers must return quickly.
    public func notify() {
        let current = observers.withLock { Array($0.values) }
        for observer in current { observer() }
    }
}
