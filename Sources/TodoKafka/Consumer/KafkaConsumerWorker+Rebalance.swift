import CKafka
import TodoCore
import TodoLogging

extension KafkaConsumerWorker {
    /// librdkafka's rebalance callback, run inside `rd_kafka_consumer_poll` (or
    /// `rd_kafka_consumer_close`) on the poll thread. Uses the eager protocol: every rebalance
    /// revokes the whole assignment, then assigns the new one.
    func rebalance(
        _ handle: OpaquePointer, _ code: rd_kafka_resp_err_t,
        _ partitions: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?
    ) {
        switch code {
        case RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS:
            assign(handle, partitions.map { PartitionList.entries(of: $0).map(\.partition) } ?? [])
        case RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS:
            revoke(handle)
        default:
            logger.warning("Kafka rebalance failed", [LogKey.error: KafkaStatus.name(code)])
            revoke(handle)
        }
    }

    /// Starts each partition at the group's committed offset. Without one, `earliest` leaves it to
    /// `auto.offset.reset=earliest`; `latest` commits the partition's end at once, so the member
    /// (and the next one) skips only what was there before it first saw the partition.
    private func assign(_ handle: OpaquePointer, _ partitions: [TopicPartition]) {
        var start = Dictionary(uniqueKeysWithValues: partitions.map { ($0, Int64(RD_KAFKA_OFFSET_INVALID)) })
        if options.startPosition == .latest {
            start = latestStart(handle, partitions)
        }

        let list = PartitionList(offsets: start)
        let code = rd_kafka_assign(handle, list.pointer)
        if code != RD_KAFKA_RESP_ERR_NO_ERROR {
            logger.warning("Kafka assignment failed", [LogKey.error: KafkaStatus.name(code)])
        }

        next = [:]
        held = [:]
        dirty = false
        let memberID = KafkaClient.memberID(of: handle)
        shared.withLock {
            $0.owned = partitions.sorted()
            $0.memberID = memberID
        }
    }

    /// Committed offsets where there are some, the partition's end (committed now) elsewhere.
    private func latestStart(_ handle: OpaquePointer, _ partitions: [TopicPartition]) -> [TopicPartition: Int64] {
        let committed = PartitionList(partitions)
        let code = rd_kafka_committed(handle, committed.pointer, requestTimeoutMilliseconds)

        var start: [TopicPartition: Int64] = [:]
        var ends: [TopicPartition: Int64] = [:]
        for entry in committed.entries {
            guard code == RD_KAFKA_RESP_ERR_NO_ERROR, entry.error == RD_KAFKA_RESP_ERR_NO_ERROR, entry.offset < 0 else {
                // Committed (or unknown: the assignment then uses whatever the group committed).
                start[entry.partition] =
                    code == RD_KAFKA_RESP_ERR_NO_ERROR ? entry.offset : Int64(RD_KAFKA_OFFSET_INVALID)
                continue
            }
            var low: Int64 = 0
            var high: Int64 = 0
            let partition = entry.partition
            let queried = rd_kafka_query_watermark_offsets(
                handle, partition.topic, Int32(partition.partition), &low, &high, requestTimeoutMilliseconds)
            start[partition] = queried == RD_KAFKA_RESP_ERR_NO_ERROR ? high : Int64(RD_KAFKA_OFFSET_END)
            if queried == RD_KAFKA_RESP_ERR_NO_ERROR { ends[partition] = high }
        }

        if !ends.isEmpty {
            let list = PartitionList(offsets: ends)
            let result = rd_kafka_commit(handle, list.pointer, 0)
            if result != RD_KAFKA_RESP_ERR_NO_ERROR {
                logger.debug("Kafka commit of the start offsets failed", [LogKey.error: KafkaStatus.name(result)])
            }
        }
        return start
    }

    /// Commits what was handled (unless the partitions were lost to a session timeout, when the
    /// commit could only fail), then gives every partition up.
    private func revoke(_ handle: OpaquePointer) {
        if rd_kafka_assignment_lost(handle) == 0 {
            commit(handle, synchronously: true)
        }
        _ = rd_kafka_assign(handle, nil)

        next = [:]
        held = [:]
        dirty = false
        shared.withLock { $0.owned = [] }
    }
}
