import CKafka
import Foundation
import TodoCore

/// Metadata and administrative requests on one dedicated handle: topics and their partitions,
/// partition offsets, committed group offsets, groups, topic creation and record deletion. Every
/// call blocks its thread for at most the request timeout.
struct KafkaAdmin: Sendable {
    let client: KafkaClient
    let timeoutMilliseconds: Int32

    /// The partition count of every topic, internal ones (`__consumer_offsets`) left out.
    func partitionCounts() throws(AppError) -> [String: Int] {
        try client.enter()
        defer { client.leave() }
        var metadata: UnsafePointer<rd_kafka_metadata>?
        let code = rd_kafka_metadata(client.handle, 1, nil, &metadata, timeoutMilliseconds)
        try KafkaStatus.check(code, "reading the cluster's metadata")
        guard let metadata else { return [:] }
        defer { rd_kafka_metadata_destroy(metadata) }

        var counts: [String: Int] = [:]
        for index in 0..<Int(metadata.pointee.topic_cnt) {
            let topic = metadata.pointee.topics[index]
            let name = String(cString: topic.topic)
            guard topic.err == RD_KAFKA_RESP_ERR_NO_ERROR, !name.hasPrefix("__") else { continue }
            counts[name] = Int(topic.partition_cnt)
        }
        return counts
    }

    /// Asks for the brokers only (no topics), with its own timeout.
    func checkReachable(timeoutMilliseconds: Int32) throws(AppError) {
        try client.enter()
        defer { client.leave() }
        var metadata: UnsafePointer<rd_kafka_metadata>?
        let code = rd_kafka_metadata(client.handle, 0, nil, &metadata, timeoutMilliseconds)
        if let metadata { rd_kafka_metadata_destroy(metadata) }
        try KafkaStatus.check(code, "reaching a Kafka broker")
    }

    /// The first and the next offset of each partition, in two batched ListOffsets requests.
    func watermarks(_ partitions: [TopicPartition]) throws(AppError) -> [TopicPartition: (start: Int64, end: Int64)] {
        try client.enter()
        defer { client.leave() }
        guard !partitions.isEmpty else { return [:] }
        let starts = try offsets(partitions, at: Int64(RD_KAFKA_OFFSET_BEGINNING))
        let ends = try offsets(partitions, at: Int64(RD_KAFKA_OFFSET_END))

        var result: [TopicPartition: (start: Int64, end: Int64)] = [:]
        for partition in partitions {
            let end = max(0, ends[partition] ?? 0)
            result[partition] = (min(max(0, starts[partition] ?? 0), end), end)
        }
        return result
    }

    /// For each partition, the first offset whose timestamp is at or after `timestamp` (in
    /// milliseconds), or the special `RD_KAFKA_OFFSET_BEGINNING` / `_END` positions.
    func offsets(_ partitions: [TopicPartition], at timestamp: Int64) throws(AppError) -> [TopicPartition: Int64] {
        try client.enter()
        defer { client.leave() }
        let list = PartitionList(partitions, offset: timestamp)
        try KafkaStatus.check(
            rd_kafka_offsets_for_times(client.handle, list.pointer, timeoutMilliseconds), "listing partition offsets")
        var result: [TopicPartition: Int64] = [:]
        for entry in list.entries {
            try KafkaStatus.check(entry.error, "listing the offsets of \(entry.partition)")
            result[entry.partition] = entry.offset
        }
        return result
    }

    /// The offsets `group` committed in `partitions`; partitions without a commit are left out.
    func committedOffsets(group: String, partitions: [TopicPartition]) throws(AppError) -> [TopicPartition: Int64] {
        try client.enter()
        defer { client.leave() }
        guard !partitions.isEmpty else { return [:] }
        let list = PartitionList(partitions)
        let result = try AdminResult.run(
            on: client.handle, operation: "reading the offsets of group \(group)",
            timeoutMilliseconds: timeoutMilliseconds
        ) { options, queue in
            var request: OpaquePointer? = rd_kafka_ListConsumerGroupOffsets_new(group, list.pointer)
            rd_kafka_ListConsumerGroupOffsets(client.handle, &request, 1, options, queue)
            rd_kafka_ListConsumerGroupOffsets_destroy(request)
        }

        var count = 0
        guard let payload = rd_kafka_event_ListConsumerGroupOffsets_result(result.event),
            let groups = rd_kafka_ListConsumerGroupOffsets_result_groups(payload, &count), count > 0,
            let first = groups[0]
        else { return [:] }
        if let failure = AdminResult.failure(rd_kafka_group_result_error(first)) {
            throw KafkaStatus.error(failure.code, "reading the offsets of group \(group)", detail: failure.text)
        }
        guard let partitionsList = rd_kafka_group_result_partitions(first) else { return [:] }

        var offsets: [TopicPartition: Int64] = [:]
        for entry in PartitionList.entries(of: partitionsList)
        where entry.error == RD_KAFKA_RESP_ERR_NO_ERROR && entry.offset >= 0 {
            offsets[entry.partition] = entry.offset
        }
        return offsets
    }

    /// Creates `topics`; one that exists already is not an error.
    func createTopics(_ topics: [TopicSpec], replicationFactor: Int, config: [String: String]) throws(AppError) {
        try client.enter()
        defer { client.leave() }
        guard !topics.isEmpty else { return }
        var requests: [OpaquePointer?] = []
        defer { for request in requests { rd_kafka_NewTopic_destroy(request) } }
        for topic in topics {
            var error = [CChar](repeating: 0, count: 256)
            guard
                let request = rd_kafka_NewTopic_new(
                    topic.name, Int32(topic.partitions), Int32(replicationFactor), &error, error.count)
            else {
                throw AppError(
                    .badRequest, code: "kafka_topic_invalid",
                    message: "Topic \(topic.name) cannot be created: \(KafkaStatus.text(of: error))")
            }
            for (name, value) in config { _ = rd_kafka_NewTopic_set_config(request, name, value) }
            requests.append(request)
        }

        let result = try AdminResult.run(
            on: client.handle, operation: "creating topics", timeoutMilliseconds: timeoutMilliseconds
        ) { options, queue in
            rd_kafka_CreateTopics(client.handle, &requests, requests.count, options, queue)
        }
        var count = 0
        guard let payload = rd_kafka_event_CreateTopics_result(result.event),
            let outcomes = rd_kafka_CreateTopics_result_topics(payload, &count)
        else { return }
        for index in 0..<count {
            guard let outcome = outcomes[index] else { continue }
            let code = rd_kafka_topic_result_error(outcome)
            guard code != RD_KAFKA_RESP_ERR_NO_ERROR, code != RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS else { continue }
            let name = String(cString: rd_kafka_topic_result_name(outcome))
            let detail = rd_kafka_topic_result_error_string(outcome).map { String(cString: $0) }
            throw KafkaStatus.error(code, "creating topic \(name)", detail: detail)
        }
    }

    /// Deletes every record before the given offset of each partition (Kafka's DeleteRecords).
    func deleteRecords(before offsets: [TopicPartition: Int64]) throws(AppError) {
        try client.enter()
        defer { client.leave() }
        guard !offsets.isEmpty else { return }
        let list = PartitionList(offsets: offsets)
        let result = try AdminResult.run(
            on: client.handle, operation: "deleting records", timeoutMilliseconds: timeoutMilliseconds
        ) { options, queue in
            var request: OpaquePointer? = rd_kafka_DeleteRecords_new(list.pointer)
            rd_kafka_DeleteRecords(client.handle, &request, 1, options, queue)
            rd_kafka_DeleteRecords_destroy(request)
        }
        guard let payload = rd_kafka_event_DeleteRecords_result(result.event),
            let deleted = rd_kafka_DeleteRecords_result_offsets(payload)
        else { return }
        for entry in PartitionList.entries(of: deleted) {
            try KafkaStatus.check(entry.error, "deleting the old records of \(entry.partition)")
        }
    }
}
