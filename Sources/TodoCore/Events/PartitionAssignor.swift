/// Decides which member of a group owns which partition, the way Kafka's round-robin assignor
/// does: partitions sorted by topic and number are dealt in turn to the members, sorted by id, that
/// subscribe to their topic. Every member computes the same answer from the same membership, so no
/// coordinator is needed.
public enum PartitionAssignor {
    /// One member: its id and the topics it subscribes to.
    public struct Member: Sendable, Equatable {
        public var id: String
        public var topics: Set<String>

        public init(id: String, topics: Set<String>) {
            self.id = id
            self.topics = topics
        }
    }

    /// Member id → its partitions, sorted; members that get nothing map to an empty list.
    public static func assign(_ partitions: [TopicPartition], to members: [Member]) -> [String: [TopicPartition]] {
        let sortedMembers = members.sorted { $0.id < $1.id }
        var result = Dictionary(uniqueKeysWithValues: sortedMembers.map { ($0.id, [TopicPartition]()) })
        guard !sortedMembers.isEmpty else { return result }

        var next = 0
        for partition in partitions.sorted() {
            // The next member in turn that subscribes to this topic.
            for step in 0..<sortedMembers.count {
                let candidate = sortedMembers[(next + step) % sortedMembers.count]
                guard candidate.topics.contains(partition.topic) else { continue }
                result[candidate.id, default: []].append(partition)
                next = (next + step + 1) % sortedMembers.count
                break
            }
        }
        return result
    }
}
