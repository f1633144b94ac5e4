import CKafka
import TodoCore

/// Owns one `rd_kafka_topic_partition_list_t` and destroys it in `deinit`.
final class PartitionList {
    /// One entry: the partition, its offset (or an `RD_KAFKA_OFFSET_*` sentinel) and its error.
    struct Entry {
        var partition: TopicPartition
        var offset: Int64
        var error: rd_kafka_resp_err_t
    }

    let pointer: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>

    /// A list of `partitions`, each at `offset`.
    init(_ partitions: [TopicPartition], offset: Int64 = Int64(RD_KAFKA_OFFSET_INVALID)) {
        pointer = rd_kafka_topic_partition_list_new(Int32(max(1, partitions.count)))
        for partition in partitions { add(partition, offset: offset) }
    }

    /// A list of each partition at its own offset.
    init(offsets: [TopicPartition: Int64]) {
        pointer = rd_kafka_topic_partition_list_new(Int32(max(1, offsets.count)))
        for (partition, offset) in offsets.sorted(by: { $0.key < $1.key }) { add(partition, offset: offset) }
    }

    /// A copy of a list librdkafka owns (one handed to a callback, or inside a result).
    init(copying list: UnsafePointer<rd_kafka_topic_partition_list_t>) {
        pointer = rd_kafka_topic_partition_list_copy(list)
    }

    deinit { rd_kafka_topic_partition_list_destroy(pointer) }

    func add(_ partition: TopicPartition, offset: Int64) {
        let element = rd_kafka_topic_partition_list_add(pointer, partition.topic, Int32(partition.partition))
        element?.pointee.offset = offset
    }

    var entries: [Entry] { Self.entries(of: pointer) }

    /// The entries of a list this code does not own.
    static func entries(of list: UnsafePointer<rd_kafka_topic_partition_list_t>) -> [Entry] {
        let count = Int(list.pointee.cnt)
        guard count > 0, let elements = list.pointee.elems else { return [] }
        return (0..<count).map { index in
            let element = elements[index]
            return Entry(
                partition: TopicPartition(topic: String(cString: element.topic), partition: Int(element.partition)),
                offset: element.offset, error: element.err)
        }
    }
}
