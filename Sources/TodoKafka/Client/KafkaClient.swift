import CKafka
import Foundation
import TodoCore

/// Owns one librdkafka handle (`rd_kafka_t`): creates it from properties, keeps its callbacks alive,
/// and destroys it exactly once, in ``close()`` or at the latest in `deinit`.
///
/// librdkafka documents `rd_kafka_t` as safe to use from any thread. Its own poll thread is joined
/// by the owner before it closes; calls from other threads (admin requests, reads) are bracketed
/// by ``enter()`` and ``leave()``, and ``close()`` waits for them to end.
final class KafkaClient: @unchecked Sendable {
    // @unchecked: `handle` is immutable and thread-safe per librdkafka; `closed` and `users` are
    // guarded by `condition`.
    enum Kind {
        case producer
        case consumer
    }

    let kind: Kind
    let handle: OpaquePointer
    private let callbacks: Unmanaged<KafkaCallbacks>
    private let condition = NSCondition()
    private var closed = false
    private var users = 0

    /// Creates the handle. `configure` may install more callbacks on the configuration before
    /// librdkafka takes it over. Throws `kafka_config_invalid` for a property librdkafka refuses.
    init(
        _ kind: Kind, properties: [(String, String)], callbacks: KafkaCallbacks,
        configure: (OpaquePointer) -> Void = { _ in }
    ) throws(AppError) {
        guard let conf = rd_kafka_conf_new() else { throw AppError.internal("rd_kafka_conf_new returned nothing") }
        for (name, value) in properties {
            if let problem = Self.set(name, value, on: conf) {
                rd_kafka_conf_destroy(conf)
                throw AppError(.badRequest, code: "kafka_config_invalid", message: "Kafka property \(name): \(problem)")
            }
        }

        // Unmanaged: retained here, released in close() after rd_kafka_destroy, so librdkafka's
        // callbacks always find a live object behind the opaque pointer.
        let retained = Unmanaged.passRetained(callbacks)
        rd_kafka_conf_set_opaque(conf, retained.toOpaque())
        KafkaCallbacks.install(
            on: conf, errors: callbacks.onError != nil, rebalancing: callbacks.onRebalance != nil)
        configure(conf)

        var error = [CChar](repeating: 0, count: 512)
        let type = kind == .producer ? RD_KAFKA_PRODUCER : RD_KAFKA_CONSUMER
        guard let handle = rd_kafka_new(type, conf, &error, error.count) else {
            // rd_kafka_new takes the configuration over only when it succeeds.
            rd_kafka_conf_destroy(conf)
            retained.release()
            throw AppError(
                .badRequest, code: "kafka_config_invalid",
                message: "The Kafka client could not be created: \(KafkaStatus.text(of: error))")
        }
        self.kind = kind
        self.handle = handle
        self.callbacks = retained
        if kind == .consumer { rd_kafka_poll_set_consumer(handle) }
    }

    /// For a consumer, leaves its group first (`rd_kafka_consumer_close`, which runs the final
    /// rebalance callback on this thread); then destroys the handle. Safe to call twice.
    func close() {
        let first = condition.withLock {
            defer { closed = true }
            guard !closed else { return false }
            while users > 0 { condition.wait() }
            return true
        }
        guard first else { return }

        if kind == .consumer { _ = rd_kafka_consumer_close(handle) }
        rd_kafka_destroy(handle)
        callbacks.release()
    }

    deinit { close() }

    /// Marks the start of a call on the handle from a thread the owner does not join; throws
    /// `event_log_closed` once the client is closed. Pair with ``leave()``.
    func enter() throws(AppError) {
        condition.lock()
        defer { condition.unlock() }
        guard !closed else { throw AppError.eventLogClosed }
        users += 1
    }

    func leave() {
        condition.withLock {
            users -= 1
            condition.broadcast()
        }
    }

    /// The member id the group coordinator gave this consumer, or "" before it joined.
    static func memberID(of handle: OpaquePointer) -> String {
        guard let id = rd_kafka_memberid(handle) else { return "" }
        defer { rd_kafka_mem_free(handle, id) }
        return String(cString: id)
    }

    /// Sets one property; returns librdkafka's complaint, with the value left out for secrets.
    private static func set(_ name: String, _ value: String, on conf: OpaquePointer) -> String? {
        var error = [CChar](repeating: 0, count: 512)
        guard rd_kafka_conf_set(conf, name, value, &error, error.count) != RD_KAFKA_CONF_OK else { return nil }
        return KafkaConfiguration.isSecret(property: name)
            ? "invalid value (not shown: secret)" : KafkaStatus.text(of: error)
    }
}
