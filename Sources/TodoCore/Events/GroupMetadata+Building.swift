extension GroupMetadata {
    /// Describes `group` from its live members, the log's topics and the group's committed offsets:
    /// members with the partitions ``PartitionAssignor`` gives them, and one offset row for every
    /// partition of every topic the group subscribes to or has committed in.
    public static func describe(
        group: String, members: [PartitionAssignor.Member], topics: [TopicMetadata],
        committed: [TopicPartition: Int64]
    ) -> GroupMetadata {
        let subscribed = members.reduce(into: Set<String>()) { $0.formUnion($1.topics) }
        let relevant = subscribed.union(committed.keys.map(\.topic))

        var partitions: [TopicPartition] = []
        var offsets: [GroupOffset] = []
        for topic in topics where relevant.contains(topic.name) {
            for partition in topic.partitions {
                let key = TopicPartition(topic: topic.name, partition: partition.partition)
                if subscribed.contains(topic.name) { partitions.append(key) }

                let position = committed[key]
                let lag = partition.endOffset - max(position ?? partition.startOffset, partition.startOffset)
                offsets.append(
                    GroupOffset(
                        topic: topic.name, partition: partition.partition, committedOffset: position,
                        endOffset: partition.endOffset, lag: max(0, lag)))
            }
        }

        let assignment = PartitionAssignor.assign(partitions, to: members)
        let described = members.map(\.id).sorted().map {
            GroupMember(memberID: $0, assignments: assignment[$0] ?? [])
        }
        return GroupMetadata(group: group, members: described, offsets: offsets)
    }
}
