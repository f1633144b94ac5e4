import Foundation
import TodoCore

/// The event log's SQL, on a connection inside a transaction the caller opened.
extension SQLiteConnection {
    // MARK: Topics

    func createTopics(_ topics: [TopicSpec], at now: Date) throws {
        for topic in topics {
            guard !topic.name.isEmpty, topic.partitions >= 1 else {
                throw AppError.badRequest(
                    "A topic needs a name and at least one partition (got '\(topic.name)', \(topic.partitions))",
                    code: "invalid_topic")
            }
            let created = try execute(
                "INSERT INTO event_topics (name, partition_count, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                [.text(topic.name), .integer(Int64(topic.partitions)), .integer(now.millisecondsSince1970)],
                step: "create topic")
            guard created == 1 else { continue }
            for partition in 0..<topic.partitions {
                try execute(
                    "INSERT INTO event_partitions (topic, partition_index, next_offset) VALUES (?, ?, 0)",
                    [.text(topic.name), .integer(Int64(partition))], step: "create partition")
            }
        }
    }

    func partitionCount(topic: String) throws -> Int? {
        try query("SELECT partition_count FROM event_topics WHERE name = ?", [.text(topic)], step: "load topic") {
            Int($0.int64(0))
        }.first
    }

    func topicMetadata() throws -> [TopicMetadata] {
        let sql = """
            SELECT p.topic, p.partition_index, p.next_offset,
                (SELECT MIN(m.message_offset) FROM event_messages m
                    WHERE m.topic = p.topic AND m.partition_index = p.partition_index)
            FROM event_partitions p ORDER BY p.topic, p.partition_index
            """
        let rows = try query(sql, step: "list topics") { row -> (String, PartitionMetadata) in
            let end = row.int64(2)
            let partition = PartitionMetadata(
                partition: Int(row.int64(1)), startOffset: row.optionalInt64(3) ?? end, endOffset: end)
            return (row.text(0), partition)
        }

        var topics: [TopicMetadata] = []
        for (name, partition) in rows {
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
            FROM event_partitions p WHERE p.topic = ? AND p.partition_index = ?
            """
        let rows = try query(
            sql, [.text(partition.topic), .integer(Int64(partition.partition))], step: "load partition"
        ) {
            PartitionMetadata(
                partition: partition.partition, startOffset: $0.optionalInt64(1) ?? $0.int64(0),
                endOffset: $0.int64(0))
        }
        guard let metadata = rows.first else { throw AppError.unknownTopic(partition.topic) }
        return metadata
    }

    // MARK: Messages

    /// Appends each message at the end of the partition its key selects.
    func appendMessages(_ messages: [OutgoingMessage], at now: Date) throws {
        var partitionCounts: [String: Int] = [:]
        for message in messages {
            let count: Int
            if let known = partitionCounts[message.topic] {
                count = known
            } else {
                guard let loaded = try partitionCount(topic: message.topic) else {
                    throw AppError.unknownTopic(message.topic)
                }
                partitionCounts[message.topic] = loaded
                count = loaded
            }

            let partition = Int64(Partitioner.partition(forKey: message.key, partitions: count))
            let offsets = try query(
                """
                UPDATE event_partitions SET next_offset = next_offset + 1 WHERE topic = ? AND partition_index = ? \
                RETURNING next_offset - 1
                """, [.text(message.topic), .integer(partition)], step: "reserve offset"
            ) { $0.int64(0) }
            guard let offset = offsets.first else { throw AppError.unknownTopic(message.topic) }

            try execute(
                """
                INSERT INTO event_messages (topic, partition_index, message_offset, message_key, headers, value, \
                created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    .text(message.topic), .integer(partition), .integer(offset), .text(message.key),
                    .text(HeaderCoding.encode(message.headers)), .blob(message.value),
                    .integer(now.millisecondsSince1970),
                ], step: "append message")
        }
    }

    func readMessages(_ partition: TopicPartition, from offset: Int64, limit: Int) throws -> [LogMessage] {
        let sql = """
            SELECT message_offset, message_key, headers, value, created_at FROM event_messages
            WHERE topic = ? AND partition_index = ? AND message_offset >= ? ORDER BY message_offset LIMIT ?
            """
        let values: [SQLiteValue] = [
            .text(partition.topic), .integer(Int64(partition.partition)), .integer(offset),
            .integer(Int64(max(0, limit))),
        ]
        return try query(sql, values, step: "read messages") { row in
            LogMessage(
                topic: partition.topic, partition: partition.partition, offset: row.int64(0), key: row.text(1),
                headers: HeaderCoding.decode(row.text(2)), value: row.blob(3),
                timestamp: Date(millisecondsSince1970: row.int64(4)))
        }
    }

    /// Deletes what `policy` no longer keeps, and processed-event records older than its age.
    func applyRetention(_ policy: RetentionPolicy, now: Date) throws -> Int {
        let cutoff = Int64(now.millisecondsSince1970) - Int64(policy.maxAge * 1000)
        var removed = try execute(
            "DELETE FROM event_messages WHERE created_at < ?", [.integer(cutoff)], step: "retention by age")
        removed += try execute(
            """
            DELETE FROM event_messages WHERE message_offset < (SELECT p.next_offset - ? FROM event_partitions p
                WHERE p.topic = event_messages.topic AND p.partition_index = event_messages.partition_index)
            """, [.integer(Int64(policy.maxMessagesPerPartition))], step: "retention by count")
        try execute("DELETE FROM event_processed WHERE processed_at < ?", [.integer(cutoff)], step: "prune processed")
        return removed
    }

    // MARK: Idempotency

    func markProcessed(group: String, eventID: String, at now: Date) throws -> Bool {
        try execute(
            "INSERT INTO event_processed (group_name, event_id, processed_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            [.text(group), .text(eventID), .integer(now.millisecondsSince1970)], step: "mark processed") == 1
    }
}
