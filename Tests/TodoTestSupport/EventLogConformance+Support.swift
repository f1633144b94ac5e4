import Foundation
import Synchronization
import TodoCore

/// Collects what a handler received, from the consumer's thread.
final class Received: Sendable {
    private let messages = Mutex<[LogMessage]>([])

    var all: [LogMessage] { messages.withLock { $0 } }
    var count: Int { messages.withLock { $0.count } }

    func add(_ message: LogMessage) {
        messages.withLock { $0.append(message) }
    }

    /// The values as text, in delivery order.
    var texts: [String] { all.map { String(decoding: $0.value, as: UTF8.self) } }
}

/// A failure thrown by test handlers on purpose.
struct HandlerFailure: Error {}

extension EventLogConformance {
    /// Polls `condition` until it holds or `timeout` passes; consumers run on their own threads,
    /// so a check waits for the state it expects instead of sleeping a fixed time. The bound is
    /// generous: a Kafka group's rebalance takes the mock cluster's 3 s join delay when the machine
    /// is idle, and took over 10 s once in CI with the whole suite running beside it.
    static func waitUntil(timeout: TimeInterval = 30, _ condition: () throws -> Bool) rethrows -> Bool {
        try eventually(timeout: timeout, condition)
    }

    /// A message whose value is `text`.
    static func message(_ topic: String, key: String, _ text: String) -> OutgoingMessage {
        OutgoingMessage(
            topic: topic, key: key, headers: [MessageHeader(name: "kind", value: "test")], value: Array(text.utf8))
    }

    /// Fast retries, so redelivery checks finish quickly.
    static let quickRetry = SubscriptionOptions(retryBackoff: 0.01, maxRetryBackoff: 0.05)

    /// Waits until the group has committed everything in `topic`.
    static func waitForNoLag(_ log: any EventLog, group: String, topic: String) throws -> Bool {
        try waitUntil {
            guard let described = try log.groups().first(where: { $0.group == group }) else { return false }
            let offsets = described.offsets.filter { $0.topic == topic }
            return !offsets.isEmpty && offsets.allSatisfy { $0.lag == 0 }
        }
    }
}
