/// A consumer group: its live members and where it stands in each partition it has consumed.
public struct GroupMetadata: Sendable, Equatable {
    public var group: String
    /// Live members, by member id.
    public var members: [GroupMember]
    /// Every partition of every topic the group has committed in or subscribes to, by topic and partition.
    public var offsets: [GroupOffset]

    public init(group: String, members: [GroupMember], offsets: [GroupOffset]) {
        self.group = group
        self.members = members
        self.offsets = offsets
    }

    /// Messages not yet consumed by the group, over every partition.
    public var totalLag: Int64 {
        offsets.reduce(0) { $0 + $1.lag }
    }
}

/// One member of a group and the partitions it owns.
public struct GroupMember: Sendable, Equatable {
    public var memberID: String
    public var assignments: [TopicPartition]

    public init(memberID: String, assignments: [TopicPartition]) {
        self.memberID = memberID
        self.assignments = assignments
    }
}

/// A group's position in one partition. `committedOffset` is the next offset the group will
/// consume (nil before its first commit); `lag` counts the retained messages from there to `endOffset`.
public struct GroupOffset: Sendable, Equatable {
    public var topic: String
    public var partition: Int
    public var committedOffset: Int64?
    public var endOffset: Int64
    public var lag: Int64

    public init(topic: String, partition: Int, committedOffset: Int64?, endOffset: Int64, lag: Int64) {
        self.topic = topic
        self.partition = partition
        self.committedOffset = committedOffset
        self.endOffset = endOffset
        self.lag = lag
    }
}
