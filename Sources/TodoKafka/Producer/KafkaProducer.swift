import CKafka
import Foundation
import Synchronization
import TodoCore
import TodoLogging

/// One message for ``KafkaProducer/send(_:timeout:)``, with its partition already chosen.
struct ProducerRecord: Sendable {
    var topic: String
    var partition: Int
    var key: String
    var headers: [MessageHeader]
    var value: [UInt8]
    /// Milliseconds since 1970 (the message's `CreateTime`).
    var timestampMilliseconds: Int64
}

/// The idempotent producer (`enable.idempotence`, `acks=all`): owns its librdkafka handle and the
/// poll thread that serves its delivery reports, since librdkafka delivers them only inside
/// `rd_kafka_poll` on the calling thread.
///
/// ``send(_:timeout:)`` blocks its caller (never a thread of Swift's cooperative pool) until the
/// broker has acknowledged every message or one failed. With idempotence librdkafka keeps the order
/// of each partition and writes every message once, however often it retries on the wire.
final class KafkaProducer: Sendable {
    let health: BrokerHealth
    private let client: KafkaClient
    private let logger: Logger
    private let stopping = Atomic<Bool>(false)
    private let knownTopics = Mutex<Set<String>>([])
    private let pollerDone = DispatchSemaphore(value: 0)

    init(configuration: KafkaConfiguration, health: BrokerHealth, logger: Logger) throws(AppError) {
        let callbacks = KafkaCallbacks(logger: logger) { code, reason in health.recordError(code, reason) }
        client = try KafkaClient(
            .producer, properties: configuration.librdkafkaProperties(for: .producer), callbacks: callbacks
        ) { conf in
            rd_kafka_conf_set_dr_msg_cb(conf) { _, message, _ in
                guard let message, let opaque = message.pointee._private else { return }
                // Unmanaged: send() retained the batch once per message; this is that message's release.
                let batch = Unmanaged<DeliveryBatch>.fromOpaque(opaque).takeRetainedValue()
                batch.report(message.pointee.err)
            }
        }
        self.health = health
        self.logger = logger

        // The thread holds the producer until close() stops it.
        let thread = Thread { [self] in
            while !stopping.load(ordering: .acquiring) { rd_kafka_poll(client.handle, 100) }
            pollerDone.signal()
        }
        thread.name = "kafka producer"
        thread.start()
    }

    /// Produces `records` in order and waits for their acknowledgements. Throws `broker_unavailable`
    /// when the broker did not acknowledge them within `timeout` or reported them failed; some of
    /// them may have been written then (the caller retries, consumers deduplicate by event id).
    func send(_ records: [ProducerRecord], timeout: TimeInterval) throws(AppError) {
        guard !records.isEmpty else { return }
        guard !stopping.load(ordering: .acquiring) else { throw AppError.eventLogClosed }

        learnTopics(Set(records.map(\.topic)))
        let batch = DeliveryBatch(count: records.count)
        let deadline = Date(timeIntervalSinceNow: timeout)
        for (index, record) in records.enumerated() {
            if let failure = enqueue(record, batch: batch, until: deadline) {
                // The ones not enqueued will never be reported: count them off here.
                for _ in index..<records.count { batch.report(failure) }
                break
            }
        }

        if let failure = batch.wait(until: deadline) {
            throw KafkaStatus.error(failure, "producing \(records.count) message(s) to \(records[0].topic)")
        }
        health.recordAcknowledged()
    }

    /// librdkafka finds the leaders of a topic it has not produced to by a scan that runs once a
    /// second; one metadata request for every topic fills its cache at once instead. A failure is
    /// left to the produce path, which waits for the broker anyway.
    private func learnTopics(_ topics: Set<String>) {
        guard !knownTopics.withLock({ topics.isSubset(of: $0) }) else { return }
        var metadata: UnsafePointer<rd_kafka_metadata>?
        let code = rd_kafka_metadata(client.handle, 1, nil, &metadata, 5000)
        guard code == RD_KAFKA_RESP_ERR_NO_ERROR, let metadata else { return }
        defer { rd_kafka_metadata_destroy(metadata) }
        let listed = (0..<Int(metadata.pointee.topic_cnt)).map { String(cString: metadata.pointee.topics[$0].topic) }
        knownTopics.withLock { $0.formUnion(listed) }
    }

    /// Hands one record to librdkafka, waiting while its queue is full; the error when it refuses.
    private func enqueue(_ record: ProducerRecord, batch: DeliveryBatch, until deadline: Date) -> rd_kafka_resp_err_t? {
        while true {
            // Unmanaged: one retain per message, released by the delivery callback (or below).
            let opaque = Unmanaged.passRetained(batch).toOpaque()
            let headers = Self.headers(record.headers)
            let code = record.key.withCString { key in
                record.value.withUnsafeBytes { value in
                    ckafka_produce(
                        client.handle, record.topic, Int32(record.partition), key, strlen(key), value.baseAddress,
                        value.count, headers, record.timestampMilliseconds, opaque)
                }
            }
            guard code != RD_KAFKA_RESP_ERR_NO_ERROR else { return nil }

            // Refused: the message, its headers and its reference to the batch stay ours.
            rd_kafka_headers_destroy(headers)
            Unmanaged<DeliveryBatch>.fromOpaque(opaque).release()
            guard code == RD_KAFKA_RESP_ERR__QUEUE_FULL, Date() < deadline else { return code }
            Thread.sleep(forTimeInterval: 0.005)
        }
    }

    private static func headers(_ headers: [MessageHeader]) -> OpaquePointer? {
        let list = rd_kafka_headers_new(max(1, headers.count))
        for header in headers {
            _ = rd_kafka_header_add(list, header.name, -1, header.value, -1)
        }
        return list
    }

    /// Fails every message not yet acknowledged: their senders get `broker_unavailable` at once.
    func purge() {
        guard !stopping.load(ordering: .acquiring) else { return }
        _ = rd_kafka_purge(client.handle, Int32(RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT))
    }

    /// Waits up to `flushTimeout` for messages still in flight, fails the rest (their senders get
    /// `broker_unavailable`), stops the poll thread and destroys the handle. Safe to call twice.
    func close(flushTimeout: TimeInterval = 5) {
        guard !stopping.exchange(true, ordering: .acquiringAndReleasing) else { return }
        pollerDone.wait()

        // rd_kafka_flush serves delivery reports itself while it waits.
        _ = rd_kafka_flush(client.handle, Int32(flushTimeout * 1000))
        _ = rd_kafka_purge(client.handle, Int32(RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT))
        _ = rd_kafka_flush(client.handle, 1000)
        client.close()
    }
}
