import Foundation
import TodoCore

/// The event log's SQL for topics, messages, retention and idempotency records, on a connection
/// inside a transaction the caller opened (or alone, for single reads).
extension PostgresConnection {
    // MARK: Topics

    func createTopics(_ topics: [TopicSpec], at now: Date) throws {
        for topic in topics {
            guard !topic.name.isEmpty, topic.partitions >= 1 else {
                throw AppError.badRequest(
                    "A topic needs a name and at least one partition (got '\(topic.name)', \(topic.partitions))",
                    code: "invalid_topic")
            }
            let created = try execute(
                """
                INSERT INTO event_topics (name, partition_count, created_at) VALUES ($1, $2, $3) \
                ON CONFLICT DO NOTHING
                """, [.text(topic.name), .integer(Int64(topic.partitions)), .integer(now.millisecondsSince1970)],
                step: "create topic")
            guard created.changedRows == 1 else { continue }
            for partition in 0..<topic.partitions {
                try execute(
                    "INSERT INTO event_partitions (topic, partition_index, next_offset) VALUES ($1, $2, 0)",
                    [.text(topic.name), .integer(Int64(partition))], step: "create partition")
            }
        }
    }

    func partitionCount(topic: String) throws -> Int? {
        let result = try execute(
            "SELECT partition_count FROM event_topics WHERE name = $1", [.text(topic)], step: "load topic")
        return result.rowCount == 0 ? nil : Int(try result.int64(0, 0))
    }

    func topicMetadata() throws -> [TopicMetadata] {
        let sql = """
            SELECT p.topic, p.partition_index, p.next_offset,
                (SELECT MIN(m.message_offset) FROM event_messages m
                    WHERE m.topic = p.topic AND m.partition_index = p.partition_index)
            FROM event_partitions p ORDER BY p.topic, p.partition_index
            """
        let result = try execute(sql, step: "list topics")

        var topics: [TopicMetadata] = []
        for row in 0..<result.rowCount {
            let name = result.text(row, 0)
            let end = try result.int64(row, 2)
            let partition = PartitionMetadata(
                partition: Int(try result.int64(row, 1)), startOffset: try result.optionalInt64(row, 3) ?? end,
                endOffset: end)
            if topics.last?.name == name {
                topics[topics.count - 1].partitions.append(partition)
            } else {
                topics.append(TopicMetadata(name: name, partitions: [partition]))
            }
        }
        return topics
    }

    func partitionMetadata(_ partition: TopicPartition) throws -> PartitionMetadata {
        let sql = """
            SELECT p.next_offset, (SELECT MIN(m.message_offset) FROM event_messages m
                WHERE m.topic = p.topic AND m.partition_index = p.partition_index)
            FROM event_partitions p WHERE p.topic = $1 AND p.partition_index = $2
            """
        let result = try execute(
            sql, [.text(partition.topic), .integer(Int64(partition.partition))], step: "load partition")
        guard result.rowCount == 1 else { throw AppError.unknownTopic(partition.topic) }

        let end = try result.int64(0, 0)
        return PartitionMetadata(
            partition: partition.partition, startOffset: try result.optionalInt64(0, 1) ?? end, endOffset: end)
    }

    // MARK: Messages

    /// Appends each message at the end of the partition its key selects, keeping the order of the
    /// messages of one partition. Offsets are reserved by updating the partition's row, which
    /// locks it until the transaction ends: appends to one partition commit one after the other,
    /// so a reader never sees a later offset before an earlier one. The rows are locked in one
    /// order (by topic, then partition), so two writers never wait for each other in a cycle.
    func appendMessages(_ messages: [OutgoingMessage], at now: Date) throws {
        var partitionCounts: [String: Int] = [:]
        for topic in Set(messages.map(\.topic)).sorted() {
            guard let count = try partitionCount(topic: topic) else { throw AppError.unknownTopic(topic) }
            partitionCounts[topic] = count
        }
        var batches: [TopicPartition: [OutgoingMessage]] = [:]
        for message in messages {
            let index = Partitioner.partition(forKey: message.key, partitions: partitionCounts[message.topic] ?? 1)
            batches[TopicPartition(topic: message.topic, partition: index), default: []].append(message)
        }

        for (partition, batch) in batches.sorted(by: { $0.key < $1.key }) {
            let reserved = try execute(
                """
                UPDATE event_partitions SET next_offset = next_offset + $3 WHERE topic = $1 AND partition_index = $2 \
                RETURNING next_offset - $3
                """, [.text(partition.topic), .integer(Int64(partition.partition)), .integer(Int64(batch.count))],
                step: "reserve offsets")
            guard reserved.rowCount == 1 else { throw AppError.unknownTopic(partition.topic) }

            let first = try reserved.int64(0, 0)
            for (index, message) in batch.enumerated() {
                try insert(message, partition: partition.partition, offset: first + Int64(index), at: now)
            }
        }
    }

    func readMessages(_ partition: TopicPartition, from offset: Int64, limit: Int) throws -> [LogMessage] {
        let sql = """
            SELECT message_offset, message_key, headers, value, created_at FROM event_messages
            WHERE topic = $1 AND partition_index = $2 AND message_offset >= $3 ORDER BY message_offset LIMIT $4
            """
        let values: [PostgresValue] = [
            .text(partition.topic), .integer(Int64(partition.partition)), .integer(offset),
            .integer(Int64(max(0, limit))),
        ]
        let result = try execute(sql, values, step: "read messages")
        return try (0..<result.rowCount).map { row in
            LogMessage(
                topic: partition.topic, partition: partition.partition, offset: try result.int64(row, 0),
                key: result.text(row, 1), headers: HeaderCoding.decode(result.text(row, 2)),
                value: try result.bytes(row, 3), timestamp: Date(millisecondsSince1970: try result.int64(row, 4)))
        }
    }

    /// Deletes what `policy` no longer keeps, and processed-event records older than its age.
    func applyRetention(_ policy: RetentionPolicy, now: Date) throws -> Int {
        let cutoff = Int64(now.millisecondsSince1970) - Int64(policy.maxAge * 1000)
        var removed = try execute(
            "DELETE FROM event_messages WHERE created_at < $1", [.integer(cutoff)], step: "retention by age"
        ).changedRows
        removed += try execute(
            """
            DELETE FROM event_messages WHERE message_offset < (SELECT p.next_offset - $1 FROM event_partitions p
                WHERE p.topic = event_messages.topic AND p.partition_index = event_messages.partition_index)
            """, [.integer(Int64(policy.maxMessagesPerPartition))], step: "retention by count"
        ).changedRows
        try execute(
            "DELETE FROM event_processed WHERE processed_at < $1", [.integer(cutoff)], step: "prune processed")
        return removed
    }

    // MARK: Idempotency

    func markProcessed(group: String, eventID: String, at now: Date) throws -> Bool {
        try execute(
            """
            INSERT INTO event_processed (group_name, event_id, processed_at) VALUES ($1, $2, $3) \
            ON CONFLICT DO NOTHING
            """, [.text(group), .text(eventID), .integer(now.millisecondsSince1970)], step: "mark processed"
        ).changedRows == 1
    }

    private func insert(_ message: OutgoingMessage, partition: Int, offset: Int64, at now: Date) throws {
        try execute(
            """
            INSERT INTO event_messages (topic, partition_index, message_offset, message_key, headers, value, \
            created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
            """,
            [
                .text(message.topic), .integer(Int64(partition)), .integer(offset), .text(message.key),
                .text(HeaderCoding.encode(message.headers)), .bytes(message.value),
                .integer(now.millisecondsSince1970),
            ], step: "append message")
    }
}
