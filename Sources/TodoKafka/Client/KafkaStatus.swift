import CKafka
import TodoCore

/// Maps librdkafka result codes to `AppError`s, with the operation that failed in the debug
/// context. librdkafka's own error text names brokers and codes, never credentials or payloads.
enum KafkaStatus {
    /// Throws unless `code` is `RD_KAFKA_RESP_ERR_NO_ERROR`.
    static func check(_ code: rd_kafka_resp_err_t, _ operation: @autoclosure () -> String) throws(AppError) {
        guard code != RD_KAFKA_RESP_ERR_NO_ERROR else { return }
        throw error(code, operation())
    }

    /// The `AppError` for a failed call.
    static func error(_ code: rd_kafka_resp_err_t, _ operation: String, detail: String? = nil) -> AppError {
        let text = detail ?? describe(code)
        let context = "\(operation): \(text) (\(name(code)))"
        if unreachable.contains(code) {
            return AppError.unavailable(
                "The Kafka broker is not reachable; try again shortly", code: "broker_unavailable", context: context)
        }
        if refused.contains(code) {
            return AppError.unavailable(
                "The Kafka broker refused the credentials or the operation", code: "broker_access_denied",
                context: context)
        }
        if code == RD_KAFKA_RESP_ERR__UNSUPPORTED_FEATURE || code == RD_KAFKA_RESP_ERR_UNSUPPORTED_VERSION {
            return AppError.unavailable(
                "The Kafka broker does not support this operation", code: "broker_unsupported", context: context)
        }
        if code == RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART || code == RD_KAFKA_RESP_ERR__UNKNOWN_TOPIC {
            return AppError(
                .notFound, code: "unknown_topic", message: "The Kafka broker has no such topic or partition",
                debugContext: context)
        }
        return AppError.internal(context)
    }

    /// The NUL-terminated text librdkafka wrote into an error buffer.
    static func text(of buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// librdkafka's description of `code`.
    static func describe(_ code: rd_kafka_resp_err_t) -> String {
        String(cString: rd_kafka_err2str(code))
    }

    /// librdkafka's symbolic name of `code`, e.g. `_TRANSPORT`.
    static func name(_ code: rd_kafka_resp_err_t) -> String {
        String(cString: rd_kafka_err2name(code))
    }

    /// Codes that mean "the cluster cannot be reached right now": retrying later may succeed.
    static let unreachable: [rd_kafka_resp_err_t] = [
        RD_KAFKA_RESP_ERR__TRANSPORT, RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN, RD_KAFKA_RESP_ERR__TIMED_OUT,
        RD_KAFKA_RESP_ERR__MSG_TIMED_OUT, RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT, RD_KAFKA_RESP_ERR__RESOLVE,
        RD_KAFKA_RESP_ERR__WAIT_COORD, RD_KAFKA_RESP_ERR_COORDINATOR_NOT_AVAILABLE,
        RD_KAFKA_RESP_ERR_NOT_COORDINATOR, RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE,
        RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION, RD_KAFKA_RESP_ERR__PURGE_QUEUE,
        RD_KAFKA_RESP_ERR__PURGE_INFLIGHT, RD_KAFKA_RESP_ERR__QUEUE_FULL, RD_KAFKA_RESP_ERR_BROKER_NOT_AVAILABLE,
        RD_KAFKA_RESP_ERR_NETWORK_EXCEPTION, RD_KAFKA_RESP_ERR__DESTROY, RD_KAFKA_RESP_ERR__FATAL,
        RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS, RD_KAFKA_RESP_ERR_COORDINATOR_LOAD_IN_PROGRESS,
    ]

    /// Codes that mean "reachable, but not allowed": credentials or ACLs need fixing.
    static let refused: [rd_kafka_resp_err_t] = [
        RD_KAFKA_RESP_ERR__AUTHENTICATION, RD_KAFKA_RESP_ERR_SASL_AUTHENTICATION_FAILED,
        RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED, RD_KAFKA_RESP_ERR_GROUP_AUTHORIZATION_FAILED,
        RD_KAFKA_RESP_ERR_CLUSTER_AUTHORIZATION_FAILED, RD_KAFKA_RESP_ERR__SSL,
    ]
}
