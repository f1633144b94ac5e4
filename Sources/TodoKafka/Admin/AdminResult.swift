import CKafka
import TodoCore

/// Owns the result event of one admin call and destroys it in `deinit`; every pointer read out of
/// it lives only as long as this object.
final class AdminResult {
    let event: OpaquePointer

    private init(_ event: OpaquePointer) {
        self.event = event
    }

    deinit { rd_kafka_event_destroy(event) }

    /// Runs one admin request on `handle` with a temporary reply queue and waits for its result.
    /// `start` receives the options (carrying the request timeout) and the queue to answer on.
    /// Throws when no result came in time or the request as a whole failed.
    static func run(
        on handle: OpaquePointer, operation: String, timeoutMilliseconds: Int32,
        _ start: (OpaquePointer?, OpaquePointer?) -> Void
    ) throws(AppError) -> AdminResult {
        guard let queue = rd_kafka_queue_new(handle) else { throw AppError.internal("\(operation): no reply queue") }
        defer { rd_kafka_queue_destroy(queue) }
        let options = rd_kafka_AdminOptions_new(handle, RD_KAFKA_ADMIN_OP_ANY)
        defer { rd_kafka_AdminOptions_destroy(options) }
        var error = [CChar](repeating: 0, count: 256)
        _ = rd_kafka_AdminOptions_set_request_timeout(options, timeoutMilliseconds, &error, error.count)

        start(options, queue)

        // The request times out by itself; the extra second covers the reply's way back.
        guard let event = rd_kafka_queue_poll(queue, timeoutMilliseconds + 1000) else {
            throw KafkaStatus.error(RD_KAFKA_RESP_ERR__TIMED_OUT, operation)
        }
        let result = AdminResult(event)
        let code = rd_kafka_event_error(event)
        if code != RD_KAFKA_RESP_ERR_NO_ERROR {
            let detail = rd_kafka_event_error_string(event).map { String(cString: $0) }
            throw KafkaStatus.error(code, operation, detail: detail)
        }
        return result
    }

    /// The code and text of a per-item error object, or nil for none.
    static func failure(_ error: OpaquePointer?) -> (code: rd_kafka_resp_err_t, text: String)? {
        guard let error else { return nil }
        let code = rd_kafka_error_code(error)
        guard code != RD_KAFKA_RESP_ERR_NO_ERROR else { return nil }
        return (code, rd_kafka_error_string(error).map { String(cString: $0) } ?? KafkaStatus.describe(code))
    }
}
