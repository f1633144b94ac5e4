import Synchronization

/// What the sync service did since it started, beyond the WebSocket layer's own counters.
final class SyncCounters: Sendable {
    enum Counter: CaseIterable {
        /// `task-updates` messages the live feed saw for users connected here.
        case eventsReceived
        /// Event messages handed to connections (live or replayed), one per connection.
        case eventsDelivered
        /// `task-updates` messages that could not be decoded and were skipped.
        case malformedEvents
        /// Handshakes whose token was refused (closed at once with 4001 or 4002).
        case refusedConnections
        /// Connections that asked to resume from a position.
        case resumes
        /// Messages replayed from the log to resuming connections.
        case replayedMessages
        /// Connections told to refetch instead of a replay.
        case refetches
        /// Fresh tokens accepted over an open connection.
        case tokenRefreshes
        /// Sessions closed as slow because live events piled up while they were catching up.
        case catchUpOverflows
    }

    private let eventsReceived = Atomic<Int>(0)
    private let eventsDelivered = Atomic<Int>(0)
    private let malformedEvents = Atomic<Int>(0)
    private let refusedConnections = Atomic<Int>(0)
    private let resumes = Atomic<Int>(0)
    private let replayedMessages = Atomic<Int>(0)
    private let refetches = Atomic<Int>(0)
    private let tokenRefreshes = Atomic<Int>(0)
    private let catchUpOverflows = Atomic<Int>(0)

    func add(_ counter: Counter, _ amount: Int = 1) {
        guard amount != 0 else { return }
        _ = apply(counter) { $0.add(amount, ordering: .relaxed) }
    }

    func value(_ counter: Counter) -> Int {
        apply(counter) { $0.load(ordering: .relaxed) }
    }

    private func apply<Result>(_ counter: Counter, _ body: (borrowing Atomic<Int>) -> Result) -> Result {
        switch counter {
        case .eventsReceived: body(eventsReceived)
        case .eventsDelivered: body(eventsDelivered)
        case .malformedEvents: body(malformedEvents)
        case .refusedConnections: body(refusedConnections)
        case .resumes: body(resumes)
        case .replayedMessages: body(replayedMessages)
        case .refetches: body(refetches)
        case .tokenRefreshes: body(tokenRefreshes)
        case .catchUpOverflows: body(catchUpOverflows)
        }
    }
}
