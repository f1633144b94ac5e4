import Foundation
import TodoCore

/// Everything a ``MemoryEventLog`` holds, guarded by its mutex.
struct MemoryLogState {
    var topics: [String: [MemoryPartition]] = [:]
    /// Group → member id → member.
    var members: [String: [String: PartitionAssignor.Member]] = [:]
    /// Group → partition → next offset to consume.
    var offsets: [String: [TopicPartition: Int64]] = [:]
    var consumers: [ObjectIdentifier: ConsumerLoop] = [:]
    var closed = false

    func checkOpen() throws {
        if closed { throw AppError.eventLogClosed }
    }

    mutating func append(_ message: OutgoingMessage, at now: Date) {
        guard let count = topics[message.topic]?.count else { return }
        let partition = Partitioner.partition(forKey: message.key, partitions: count)
        topics[message.topic]?[partition].append(message, partition: partition, at: now)
    }

    /// Drops what the policy no longer keeps; returns how many messages went.
    mutating func applyRetention(_ policy: RetentionPolicy, now: Date) -> Int {
        let cutoff = now.addingTimeInterval(-policy.maxAge)
        var removed = 0
        for name in topics.keys {
            for index in topics[name, default: []].indices {
                removed += topics[name]?[index].trim(before: cutoff, keeping: policy.maxMessagesPerPartition) ?? 0
            }
        }
        return removed
    }

    func metadata() -> [TopicMetadata] {
        topics.keys.sorted().map { name in
            TopicMetadata(
                name: name,
                partitions: (topics[name] ?? []).enumerated().map { index, partition in
                    PartitionMetadata(
                        partition: index, startOffset: partition.startOffset, endOffset: partition.endOffset)
                })
        }
    }
}

/// The retained messages of one partition, oldest first, and the offset the next one gets.
struct MemoryPartition {
    private(set) var retained: [LogMessage] = []
    private(set) var endOffset: Int64 = 0

    var startOffset: Int64 { retained.first?.offset ?? endOffset }

    mutating func append(_ message: OutgoingMessage, partition: Int, at now: Date) {
        retained.append(
            LogMessage(
                topic: message.topic, partition: partition, offset: endOffset, key: message.key,
                headers: message.headers, value: message.value, timestamp: now))
        endOffset += 1
    }

    func messages(from offset: Int64, limit: Int) -> [LogMessage] {
        let first = max(0, Int(max(offset, startOffset) - startOffset))
        guard first < retained.count, limit > 0 else { return [] }
        return Array(retained[first..<min(retained.count, first + limit)])
    }

    /// Removes messages older than `cutoff` and all but the newest `keeping`; returns how many.
    mutating func trim(before cutoff: Date, keeping: Int) -> Int {
        let tooOld = retained.prefix { $0.timestamp < cutoff }.count
        let excess = max(0, retained.count - keeping)
        let removed = max(tooOld, excess)
        retained.removeFirst(removed)
        return removed
    }
}
