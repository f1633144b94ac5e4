import CKafka
import Foundation

/// The delivery reports of one ``KafkaProducer/send(_:timeout:)`` call: counts the outstanding
/// messages down as librdkafka reports them and remembers the first failure.
///
/// Each produced message carries a retained reference to the batch as its opaque pointer; the
/// delivery callback takes that reference back (see ``KafkaProducer``), so the batch lives until
/// the last report, even when the waiting caller has given up.
final class DeliveryBatch: @unchecked Sendable {
    // @unchecked: `remaining` and `failure` are read and written only while `condition` is locked.
    private let condition = NSCondition()
    private var remaining: Int
    private var failure: rd_kafka_resp_err_t?

    init(count: Int) {
        remaining = count
    }

    /// Records one message's outcome.
    func report(_ code: rd_kafka_resp_err_t) {
        condition.withLock {
            if code != RD_KAFKA_RESP_ERR_NO_ERROR && failure == nil { failure = code }
            remaining -= 1
            condition.broadcast()
        }
    }

    /// Waits until every message is reported or `deadline` passes. Returns nil when all were
    /// delivered, the first failure otherwise (`_TIMED_OUT` when the deadline passed first).
    func wait(until deadline: Date) -> rd_kafka_resp_err_t? {
        condition.withLock {
            while remaining > 0 {
                guard condition.wait(until: deadline) else { return failure ?? RD_KAFKA_RESP_ERR__TIMED_OUT }
            }
            return failure
        }
    }
}
