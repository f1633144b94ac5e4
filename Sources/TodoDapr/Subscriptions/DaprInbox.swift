import Foundation
import Synchronization
import TodoCore

/// What the app answers Dapr for one pushed event (Dapr's documented `status` values).
public enum DaprDeliveryStatus: String, Sendable, Equatable {
    /// Handled now, or handled before (a redelivery).
    case success = "SUCCESS"
    /// A transient failure: Dapr delivers the event again, with the component's backoff.
    case retry = "RETRY"
    /// The event can never be handled; Dapr drops it (the app has dead-lettered it).
    case drop = "DROP"
}

/// The push subscriptions of one process: ``DaprEventLog/subscribe(group:topics:options:handler:)``
/// registers a handler here, and the HTTP routes hand each event the sidecar pushes to the handler
/// of its (group, topic). A subscription handles one event at a time, as the ``EventLog`` contract
/// promises, however many the sidecar pushes at once.
public final class DaprInbox: Sendable {
    private let subscriptions = Mutex<[PushSubscription]>([])

    public init() {}

    func register(
        group: String, topics: [String], assignments: [TopicPartition],
        handler: @escaping @Sendable (LogMessage) throws -> Void
    ) -> PushSubscription {
        let subscription = PushSubscription(
            group: group, topics: topics, assignments: assignments, inbox: self, handler: handler)
        subscriptions.withLock { $0.append(subscription) }
        return subscription
    }

    func remove(_ subscription: PushSubscription) {
        subscriptions.withLock { $0.removeAll { $0 === subscription } }
    }

    func closeAll() {
        let current = subscriptions.withLock { $0 }
        for subscription in current { subscription.stop() }
    }

    /// Hands `body`, pushed for `topic`, to the subscription of `group`:
    /// - no such subscription (not started yet, or stopping): ``DaprDeliveryStatus/retry``;
    /// - the handler threw: ``DaprDeliveryStatus/retry`` (``EventConsumer`` throws only while a
    ///   failing event has attempts left, and dead-letters it after the last);
    /// - the handler returned: ``DaprDeliveryStatus/success``, or ``DaprDeliveryStatus/drop`` when
    ///   the body is not a CloudEvent (the consumer has dead-lettered it).
    public func deliver(group: String, topic: String, body: [UInt8]) -> DaprDeliveryStatus {
        let target = subscriptions.withLock { all in
            all.first { $0.group == group && $0.topics.contains(topic) }
        }
        guard let target else { return .retry }

        let event = try? CloudEvent.decode(body)
        let message = Self.message(topic: topic, body: body, event: event)
        do {
            guard try target.handle(message) else { return .retry }
        } catch {
            return .retry
        }
        return event == nil ? .drop : .success
    }

    /// The pushed event as a log message: at its outbox position when the relay stamped one (see
    /// ``DaprEventLog/partitionAttribute``), else partition 0 at a stable hash of the event id (of
    /// the body, for what is not a CloudEvent), so that the redeliveries of one event count as one
    /// message however Dapr's tracing attributes differ; keyed by its user like in the outbox.
    static func message(topic: String, body: [UInt8], event: CloudEvent?) -> LogMessage {
        let object = (try? JSONValue.parse(body))?.objectValue
        let partition = object?[DaprEventLog.partitionAttribute]?.intValue
        let offset = object?[DaprEventLog.offsetAttribute]?.doubleValue.map { Int64($0) }
        var headers = [MessageHeader(name: "content-type", value: CloudEvent.contentType)]
        if let correlation = event?.correlationID {
            headers.append(MessageHeader(name: "correlation-id", value: correlation))
        }
        return LogMessage(
            topic: topic, partition: partition ?? 0,
            offset: offset ?? stableHash(event.map { Array($0.id.utf8) } ?? body), key: event?.userID ?? "",
            headers: headers, value: body, timestamp: Date())
    }

    /// FNV-1a over the bytes, as a non-negative offset.
    static func stableHash(_ bytes: [UInt8]) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return Int64(bitPattern: hash & UInt64(Int64.max))
    }
}

/// One registered push subscription: the ``Subscription`` a consumer holds.
final class PushSubscription: Subscription, @unchecked Sendable {
    // @unchecked: `stopped` is read and written only under `lock`, which also serialises handler calls.
    let group: String
    let topics: [String]
    let memberID: String
    let assignments: [TopicPartition]
    private weak var inbox: DaprInbox?
    private let handler: @Sendable (LogMessage) throws -> Void
    private let lock = NSLock()
    private var stopped = false

    init(
        group: String, topics: [String], assignments: [TopicPartition], inbox: DaprInbox,
        handler: @escaping @Sendable (LogMessage) throws -> Void
    ) {
        self.group = group
        self.topics = topics
        self.assignments = assignments
        self.inbox = inbox
        self.handler = handler
        memberID = "dapr-\(group)-\(UUID().uuidString.prefix(8).lowercased())"
    }

    /// Runs the handler unless stopped (false then); one call at a time.
    func handle(_ message: LogMessage) throws -> Bool {
        lock.lock()
        defer { lock.unlock() }

        guard !stopped else { return false }
        try handler(message)
        return true
    }

    /// Waits for a running handler call, then takes no more events.
    func stop() {
        lock.withLock { stopped = true }
        inbox?.remove(self)
    }
}
