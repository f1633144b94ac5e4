import CKafka
import Foundation
import TodoCore

extension KafkaEventLog {
    public func topics() throws -> [TopicMetadata] {
        try checkOpen()
        let counts = try admin.partitionCounts()
        state.withLock { $0.partitionCounts = counts }

        let partitions = counts.sorted { $0.key < $1.key }.flatMap { topic, count in
            (0..<count).map { TopicPartition(topic: topic, partition: $0) }
        }
        let marks = try admin.watermarks(partitions)
        return counts.keys.sorted().map { name in
            TopicMetadata(
                name: name,
                partitions: (0..<(counts[name] ?? 0)).map { index in
                    let range = marks[TopicPartition(topic: name, partition: index)] ?? (0, 0)
                    return PartitionMetadata(partition: index, startOffset: range.start, endOffset: range.end)
                })
        }
    }

    public func groups() throws -> [GroupMetadata] {
        let known = state.withLock { $0.knownGroups }
        var names = known
        let listed = try admin.groupNames()
        if let listed { names.formUnion(listed) }
        return try describe(names.sorted(), canDescribe: listed != nil)
    }

    /// Describes `name` even where the broker cannot list groups: committed offsets come from
    /// OffsetFetch, which every broker has.
    public func group(named name: String) throws -> GroupMetadata? {
        try describe([name], canDescribe: try admin.groupNames() != nil).first
    }

    /// `names` with their members (from DescribeGroups when `canDescribe`, else this instance's
    /// own), committed offsets and lag; groups with neither members nor commits are left out.
    private func describe(_ names: [String], canDescribe: Bool) throws -> [GroupMetadata] {
        let topics = try self.topics()
        let local = state.withLock { Array($0.subscriptions.values) }
        // A broker that cannot list groups cannot describe them either; and librdkafka 2.0.2 hangs
        // in rd_kafka_destroy after a DescribeConsumerGroups the broker did not support.
        let described = canDescribe ? try admin.members(of: names) : nil
        let partitions = topics.flatMap { topic in
            topic.partitions.map { TopicPartition(topic: topic.name, partition: $0.partition) }
        }

        var result: [GroupMetadata] = []
        for name in names {
            let ownMembers = local.filter { $0.group == name && !$0.memberID.isEmpty }
            let members =
                described?[name]
                ?? ownMembers.map { GroupMember(memberID: $0.memberID, assignments: $0.assignments) }
                .sorted { $0.memberID < $1.memberID }
            let committed = try admin.committedOffsets(group: name, partitions: partitions)
            guard !members.isEmpty || !committed.isEmpty else { continue }

            var relevant = Set(committed.keys.map(\.topic))
            relevant.formUnion(members.flatMap { $0.assignments.map(\.topic) })
            relevant.formUnion(local.filter { $0.group == name }.flatMap(\.topics))
            result.append(
                GroupMetadata(
                    group: name, members: members, offsets: Self.offsets(of: topics, relevant, committed)))
        }
        return result
    }

    /// One row per partition of the relevant topics: committed offset, end and lag.
    private static func offsets(
        of topics: [TopicMetadata], _ relevant: Set<String>, _ committed: [TopicPartition: Int64]
    ) -> [GroupOffset] {
        topics.filter { relevant.contains($0.name) }.flatMap { topic in
            topic.partitions.map { partition in
                let position = committed[TopicPartition(topic: topic.name, partition: partition.partition)]
                let lag = partition.endOffset - max(position ?? partition.startOffset, partition.startOffset)
                return GroupOffset(
                    topic: topic.name, partition: partition.partition, committedOffset: position,
                    endOffset: partition.endOffset, lag: max(0, lag))
            }
        }
    }

    /// Deletes, with Kafka's DeleteRecords, the messages older than the policy's age (by their
    /// timestamps) and all but the newest `maxMessagesPerPartition` of each partition. Throws
    /// `broker_unsupported` where the broker lacks DeleteRecords (the mock cluster).
    @discardableResult
    public func applyRetention() throws -> Int {
        let topics = try self.topics()
        let partitions = topics.flatMap { topic in
            topic.partitions.map { (TopicPartition(topic: topic.name, partition: $0.partition), $0) }
        }
        let policy = retentionPolicy
        let cutoff = Int64((clock.now.timeIntervalSince1970 - policy.maxAge) * 1000)
        let firstYoung = try admin.offsets(partitions.map(\.0), at: cutoff)

        var deleteBefore: [TopicPartition: Int64] = [:]
        for (key, range) in partitions {
            // No message at or after the cutoff: every message is too old.
            let young = firstYoung[key].flatMap { $0 >= 0 ? $0 : nil } ?? range.endOffset
            let byCount = range.endOffset - Int64(policy.maxMessagesPerPartition)
            let before = min(range.endOffset, max(young, byCount))
            if before > range.startOffset { deleteBefore[key] = before }
        }
        try admin.deleteRecords(before: deleteBefore)
        return Int(
            deleteBefore.reduce(Int64(0)) { total, entry in
                total + entry.value - (partitions.first { $0.0 == entry.key }?.1.startOffset ?? entry.value)
            })
    }
}
