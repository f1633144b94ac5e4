import Foundation
import TodoCore

/// The ``ConsumerBackend`` side: memberships, offsets and claims.
extension PostgresEventLog {
    public func heartbeat(group: String, memberID: String, topics: [String]) throws -> [TopicPartition] {
        let now = clock.now
        let leaseUntil = now.addingTimeInterval(sessionTimeout)

        // Renew once a third of the lease has passed; other rounds only read.
        let lease = try store.withConnection { try $0.leaseEnd(group: group, memberID: memberID) }
        if lease.map({ $0.timeIntervalSince(now) < sessionTimeout * 2 / 3 }) ?? true {
            let joined = try store.withWriteTransaction {
                try $0.renewMember(group: group, memberID: memberID, topics: topics, now: now, leaseUntil: leaseUntil)
            }
            if joined { wakeConsumers() }
        }

        // Two reads without a transaction: a partition added between them waits for the next round.
        return try store.withConnection { connection in
            let members = try connection.liveMembers(group: group, now: now)
            let subscribed = members.reduce(into: Set<String>()) { $0.formUnion($1.topics) }
            let partitions = try connection.partitions(of: subscribed)
            return PartitionAssignor.assign(partitions, to: members)[memberID] ?? []
        }
    }

    public func leave(group: String, memberID: String) throws {
        claims.release(memberID)
        try store.withConnection { try $0.removeMember(group: group, memberID: memberID) }
        wakeConsumers()
    }

    public func committedOffset(group: String, partition: TopicPartition) throws -> Int64? {
        try store.withConnection { try $0.committedOffset(group: group, partition: partition) }
    }

    public func offsets(of partition: TopicPartition) throws -> PartitionMetadata {
        try store.withConnection { try $0.partitionMetadata(partition) }
    }

    public func fetch(_ partition: TopicPartition, from offset: Int64, limit: Int) throws -> [LogMessage] {
        try read(topic: partition.topic, partition: partition.partition, from: offset, limit: limit)
    }

    public func commit(group: String, partition: TopicPartition, offset: Int64) throws {
        let now = clock.now
        try store.withConnection {
            try $0.commitOffset(group: group, partition: partition, offset: offset, now: now)
        }
    }

    /// Runs `body` in a transaction on the member's claim connection that holds the lock on the
    /// group's offset row of `partition`; false, without running `body`, when another member's
    /// claim holds it, or when the group has committed everything the partition holds (checked
    /// first, without a transaction, so that idle partitions cost one query a round). Commits made
    /// through the cursor become visible when `body` returns.
    public func withClaim(
        group: String, memberID: String, partition: TopicPartition, _ body: (any PartitionCursor) throws -> Void
    ) throws -> Bool {
        let now = clock.now
        guard let progress = try store.withConnection({ try $0.progress(group: group, partition: partition) })
        else { return false }
        switch progress.committed {
        case nil:
            try store.withConnection { try $0.ensureOffsetRow(group: group, partition: partition, now: now) }
        case let committed?? where committed >= progress.endOffset:
            return false
        default:
            break
        }

        let connection = try claims.connection(for: memberID)
        return try connection.transaction(begin: "BEGIN") { connection -> Bool in
            guard let committed = try connection.lockOffsetRow(group: group, partition: partition) else { return false }
            try body(
                ClaimedPartition(
                    connection: connection, group: group, partition: partition, committedOffset: committed,
                    clock: clock))
            return true
        }
    }
}
