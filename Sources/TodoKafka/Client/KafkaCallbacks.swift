import CKafka
import TodoLogging

/// What one librdkafka handle reports back: its log lines, its errors, and for a group member its
/// rebalances. librdkafka calls these from its own threads (logs) or from inside `rd_kafka_poll` /
/// `rd_kafka_consumer_poll` on the polling thread (errors, rebalances), so every closure here must be
/// safe to run anywhere and return quickly.
///
/// One instance is retained for the lifetime of its handle and reached from C through the handle's
/// opaque pointer (see ``KafkaClient``).
final class KafkaCallbacks: Sendable {
    typealias Rebalance =
        @Sendable (
            OpaquePointer, rd_kafka_resp_err_t, UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?
        ) -> Void

    let logger: Logger
    /// Only for handles that are polled all the time: librdkafka queues errors for the callback
    /// until the next poll, and logs them instead when there is no callback.
    let onError: (@Sendable (rd_kafka_resp_err_t, String) -> Void)?
    let onRebalance: Rebalance?

    init(
        logger: Logger, onError: (@Sendable (rd_kafka_resp_err_t, String) -> Void)? = nil,
        onRebalance: Rebalance? = nil
    ) {
        self.logger = logger
        self.onError = onError
        self.onRebalance = onRebalance
    }

    /// librdkafka's syslog levels: 0–3 are errors, 4 warnings, 5–6 notices and information. Broker
    /// disconnects arrive as level-3 lines and are routine during an outage, so nothing from
    /// librdkafka is logged above `warning`.
    func log(level: Int32, facility: String, line: String) {
        let mapped: Logger.Level =
            switch level {
            case ...4: .warning
            case 5...6: .info
            default: .debug
            }
        logger.log(mapped, "librdkafka: \(line)", ["kafka.facility": facility])
    }

    /// The instance behind a handle's opaque pointer.
    static func of(_ opaque: UnsafeMutableRawPointer?) -> KafkaCallbacks? {
        // Unmanaged: the handle's owner retained this object before creating the handle and
        // releases it only after `rd_kafka_destroy` returned, so the pointer is live here.
        opaque.map { Unmanaged<KafkaCallbacks>.fromOpaque($0).takeUnretainedValue() }
    }

    /// Installs the C trampolines on `conf`.
    static func install(on conf: OpaquePointer, errors: Bool, rebalancing: Bool) {
        rd_kafka_conf_set_log_cb(conf) { handle, level, facility, line in
            guard let handle, let callbacks = KafkaCallbacks.of(rd_kafka_opaque(handle)) else { return }
            callbacks.log(
                level: level, facility: facility.map { String(cString: $0) } ?? "",
                line: line.map { String(cString: $0) } ?? "")
        }
        if errors {
            rd_kafka_conf_set_error_cb(conf) { _, code, reason, opaque in
                let reason = reason.map { String(cString: $0) } ?? ""
                KafkaCallbacks.of(opaque)?.onError?(rd_kafka_resp_err_t(code), reason)
            }
        }
        if rebalancing {
            rd_kafka_conf_set_rebalance_cb(conf) { handle, code, partitions, opaque in
                guard let handle, let rebalance = KafkaCallbacks.of(opaque)?.onRebalance else { return }
                rebalance(handle, code, partitions)
            }
        }
    }
}
