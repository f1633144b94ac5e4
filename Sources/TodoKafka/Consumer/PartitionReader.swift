import CKafka
import Foundation
import TodoCore

/// Reads stretches of one partition without a group (``KafkaEventLog/read(topic:partition:from:limit:)``,
/// `topic consume`): a consumer that is not a group member, assigned one partition at a time.
/// One read runs at a time; others wait for the lock.
final class PartitionReader: @unchecked Sendable {
    // @unchecked: the handle is used only while `lock` is held.
    private let client: KafkaClient
    private let admin: KafkaAdmin
    private let lock = NSLock()

    init(client: KafkaClient, admin: KafkaAdmin) {
        self.client = client
        self.admin = admin
    }

    /// Up to `limit` messages of `partition` from `offset` on, starting at the oldest retained one
    /// when `offset` is older. Stops at the partition's end as it was when the read began.
    func read(_ partition: TopicPartition, from offset: Int64, limit: Int) throws(AppError) -> [LogMessage] {
        guard limit > 0 else { return [] }
        guard let range = try admin.watermarks([partition])[partition] else { return [] }
        let first = max(offset, range.start)
        guard first < range.end else { return [] }
        let wanted = Int(min(Int64(limit), range.end - first))

        lock.lock()
        defer { lock.unlock() }
        try client.enter()
        defer { client.leave() }
        let list = PartitionList([partition], offset: first)
        try KafkaStatus.check(rd_kafka_assign(client.handle, list.pointer), "reading \(partition)")
        defer { _ = rd_kafka_assign(client.handle, nil) }
        return try collect(partition, from: first, count: wanted)
    }

    private func collect(_ partition: TopicPartition, from first: Int64, count: Int) throws(AppError) -> [LogMessage] {
        var messages: [LogMessage] = []
        let deadline = Date(timeIntervalSinceNow: Double(admin.timeoutMilliseconds) / 1000)
        while messages.count < count {
            guard Date() < deadline else {
                throw KafkaStatus.error(RD_KAFKA_RESP_ERR__TIMED_OUT, "reading \(partition)")
            }
            guard let raw = rd_kafka_consumer_poll(client.handle, 100) else { continue }
            let message = KafkaMessage(raw)
            switch message.error {
            case RD_KAFKA_RESP_ERR_NO_ERROR:
                // Left over from an earlier read of another stretch: not ours.
                guard message.partition == partition, message.offset >= first else { continue }
                messages.append(message.logMessage())
            case RD_KAFKA_RESP_ERR__PARTITION_EOF:
                if message.partition == partition { return messages }
            case let code where KafkaStatus.unreachable.contains(code):
                continue
            case let code:
                throw KafkaStatus.error(code, "reading \(partition)", detail: message.errorText)
            }
        }
        return messages
    }
}
