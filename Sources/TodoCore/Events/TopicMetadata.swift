/// A topic to create: its name and how many partitions it has.
public struct TopicSpec: Sendable, Equatable, Hashable {
    public var name: String
    public var partitions: Int

    public init(name: String, partitions: Int) {
        self.name = name
        self.partitions = partitions
    }
}

/// One partition of one topic.
public struct TopicPartition: Sendable, Equatable, Hashable, Comparable, CustomStringConvertible {
    public var topic: String
    public var partition: Int

    public init(topic: String, partition: Int) {
        self.topic = topic
        self.partition = partition
    }

    public var description: String { "\(topic)/\(partition)" }

    public static func < (lhs: TopicPartition, rhs: TopicPartition) -> Bool {
        (lhs.topic, lhs.partition) < (rhs.topic, rhs.partition)
    }
}

/// A topic and the offsets its partitions hold.
public struct TopicMetadata: Sendable, Equatable {
    public var name: String
    public var partitions: [PartitionMetadata]

    public init(name: String, partitions: [PartitionMetadata]) {
        self.name = name
        self.partitions = partitions
    }

    /// Messages currently retained, over every partition.
    public var messageCount: Int64 {
        partitions.reduce(0) { $0 + $1.endOffset - $1.startOffset }
    }
}

/// The retained range of one partition: offsets `startOffset..<endOffset`. Both are equal when the
/// partition holds nothing; `endOffset` is the offset the next message will get.
public struct PartitionMetadata: Sendable, Equatable {
    public var partition: Int
    public var startOffset: Int64
    public var endOffset: Int64

    public init(partition: Int, startOffset: Int64, endOffset: Int64) {
        self.partition = partition
        self.startOffset = startOffset
        self.endOffset = endOffset
    }
}
