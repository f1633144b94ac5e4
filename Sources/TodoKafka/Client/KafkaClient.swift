import CKafka
import Foundation
import TodoCore

/// Owns one librdkafka handle (`rd_kafka_t`): creates it from properties, keeps its callbacks alive,
/// and destroys it exactly once, in ``close()`` or at the latest in `deinit`.
///
/// librdkafka documents `rd_kafka_t` as safe to use from any thread; the owner of a client makes sure
/// no thread is still using it when it closes (a poll thread is joined first).
final class KafkaClient: @unchecked Sendable {
    // @unchecked: `handle` is immutable and thread-safe per librdkafka; `closed` is guarded by `lock`.
    enum Kind {
        case producer
        case consumer
    }

    let kind: Kind
    let handle: OpaquePointer
    private let callbacks: Unmanaged<KafkaCallbacks>
    private let lock = NSLock()
    private var closed = false

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
        let first = lock.withLock {
            defer { closed = true }
            return !closed
        }
        guard first else { return }

        if kind == .consumer { _ = rd_kafka_consumer_close(handle) }
        rd_kafka_destroy(handle)
        callbacks.release()
    }

    deinit { close() }

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
