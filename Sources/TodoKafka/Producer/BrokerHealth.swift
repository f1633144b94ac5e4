import CKafka
import Foundation
import Synchronization

/// What a producer has learned about its cluster: whether librdkafka reports every broker down,
/// the last error it reported, and when a message was last acknowledged. Updated from librdkafka's
/// callbacks, read by readiness checks; never blocks on the network.
public final class BrokerHealth: Sendable {
    /// A copy of the state at one moment.
    public struct Snapshot: Sendable, Equatable {
        /// True from librdkafka's `_ALL_BROKERS_DOWN` until the next acknowledged message.
        public var allBrokersDown = false
        /// The last error librdkafka reported, without credentials (librdkafka never includes them).
        public var lastError: String?
        public var lastErrorAt: Date?
        public var lastAcknowledgedAt: Date?
        /// A fatal producer error: the producer is replaced before the next send.
        public var fatal = false
    }

    private let state = Mutex(Snapshot())

    public init() {}

    public var snapshot: Snapshot { state.withLock { $0 } }

    func recordError(_ code: rd_kafka_resp_err_t, _ reason: String) {
        state.withLock { state in
            if code == RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN { state.allBrokersDown = true }
            if code == RD_KAFKA_RESP_ERR__FATAL { state.fatal = true }
            state.lastError = "\(KafkaStatus.name(code)): \(reason)"
            state.lastErrorAt = Date()
        }
    }

    func clearFatal() {
        state.withLock { $0.fatal = false }
    }

    func recordAcknowledged() {
        state.withLock { state in
            state.allBrokersDown = false
            state.lastAcknowledgedAt = Date()
        }
    }
}
