import Foundation
import TodoCore

/// Consumer-group SQL: members with leases, committed offsets, and the rows that claims lock.
extension PostgresConnection {
    /// Live members of `group` (lease not yet expired at `now`).
    func liveMembers(group: String, now: Date) throws -> [PartitionAssignor.Member] {
        let result = try execute(
            "SELECT member_id, topics FROM event_group_members WHERE group_name = $1 AND lease_until >= $2",
            [.text(group), .integer(now.millisecondsSince1970)], step: "load group members")
        return (0..<result.rowCount).map { row in
            PartitionAssignor.Member(id: result.text(row, 0), topics: Set(TopicList.decode(result.text(row, 1))))
        }
    }

    /// The lease end of one member, or nil when it has no row.
    func leaseEnd(group: String, memberID: String) throws -> Date? {
        let result = try execute(
            "SELECT lease_until FROM event_group_members WHERE group_name = $1 AND member_id = $2",
            [.text(group), .text(memberID)], step: "load member lease")
        return result.rowCount == 0 ? nil : Date(millisecondsSince1970: try result.int64(0, 0))
    }

    /// Inserts or renews a member until `leaseUntil`, and removes the group's expired members.
    /// Returns true when the member was not in the group before.
    func renewMember(group: String, memberID: String, topics: [String], now: Date, leaseUntil: Date) throws -> Bool {
        try execute(
            "DELETE FROM event_group_members WHERE group_name = $1 AND lease_until < $2",
            [.text(group), .integer(now.millisecondsSince1970)], step: "expire group members")
        let joined = try execute(
            """
            INSERT INTO event_group_members (group_name, member_id, topics, joined_at, lease_until) \
            VALUES ($1, $2, $3, $4, $5) ON CONFLICT (group_name, member_id) DO UPDATE SET \
            lease_until = excluded.lease_until, topics = excluded.topics RETURNING xmax = 0
            """,
            [
                .text(group), .text(memberID), .text(TopicList.encode(topics)), .integer(now.millisecondsSince1970),
                .integer(leaseUntil.millisecondsSince1970),
            ], step: "join or renew member")
        // `xmax` is 0 on a row this statement inserted, and set on one it updated.
        return joined.rowCount == 1 && joined.bool(0, 0)
    }

    func removeMember(group: String, memberID: String) throws {
        try execute(
            "DELETE FROM event_group_members WHERE group_name = $1 AND member_id = $2",
            [.text(group), .text(memberID)], step: "leave group")
    }

    /// Every partition of `topics` that exist.
    func partitions(of topics: Set<String>) throws -> [TopicPartition] {
        let result = try execute(
            "SELECT topic, partition_index FROM event_partitions ORDER BY topic, partition_index",
            step: "list partitions")
        return try (0..<result.rowCount).map { row in
            TopicPartition(topic: result.text(row, 0), partition: Int(try result.int64(row, 1)))
        }.filter { topics.contains($0.topic) }
    }

    func committedOffset(group: String, partition: TopicPartition) throws -> Int64? {
        let result = try execute(
            """
            SELECT committed_offset FROM event_group_offsets \
            WHERE group_name = $1 AND topic = $2 AND partition_index = $3
            """, [.text(group), .text(partition.topic), .integer(Int64(partition.partition))], step: "load offset")
        return result.rowCount == 0 ? nil : try result.optionalInt64(0, 0)
    }

    /// Every committed offset of `group`, by partition (rows not committed yet are left out).
    func committedOffsets(group: String) throws -> [TopicPartition: Int64] {
        let result = try execute(
            """
            SELECT topic, partition_index, committed_offset FROM event_group_offsets \
            WHERE group_name = $1 AND committed_offset IS NOT NULL
            """, [.text(group)], step: "load group offsets")
        var offsets: [TopicPartition: Int64] = [:]
        for row in 0..<result.rowCount {
            let partition = TopicPartition(topic: result.text(row, 0), partition: Int(try result.int64(row, 1)))
            offsets[partition] = try result.int64(row, 2)
        }
        return offsets
    }

    /// Moves the group's offset forward to `offset`; an older offset leaves it unchanged.
    func commitOffset(group: String, partition: TopicPartition, offset: Int64, now: Date) throws {
        try execute(
            """
            INSERT INTO event_group_offsets (group_name, topic, partition_index, committed_offset, updated_at) \
            VALUES ($1, $2, $3, $4, $5) ON CONFLICT (group_name, topic, partition_index) DO UPDATE SET \
            committed_offset = excluded.committed_offset, updated_at = excluded.updated_at \
            WHERE event_group_offsets.committed_offset IS NULL \
            OR excluded.committed_offset > event_group_offsets.committed_offset
            """,
            [
                .text(group), .text(partition.topic), .integer(Int64(partition.partition)), .integer(offset),
                .integer(now.millisecondsSince1970),
            ], step: "commit offset")
    }

    /// Where `group` stands in `partition`, read without locking: the partition's end offset, and
    /// the group's offset row (`nil` when it has none; `.some(nil)` before its first commit).
    /// Nil when the partition does not exist.
    func progress(group: String, partition: TopicPartition) throws -> (endOffset: Int64, committed: Int64??)? {
        let result = try execute(
            """
            SELECT p.next_offset, o.group_name IS NOT NULL, o.committed_offset FROM event_partitions p \
            LEFT JOIN event_group_offsets o ON o.group_name = $1 AND o.topic = p.topic \
            AND o.partition_index = p.partition_index WHERE p.topic = $2 AND p.partition_index = $3
            """, [.text(group), .text(partition.topic), .integer(Int64(partition.partition))], step: "load progress")
        guard result.rowCount == 1 else { return nil }
        let committed: Int64?? = result.bool(0, 1) ? .some(try result.optionalInt64(0, 2)) : nil
        return (try result.int64(0, 0), committed)
    }

    /// Creates the group's row for `partition`, with nothing committed, unless it exists. The
    /// existence check reads the committed row without waiting: a plain `ON CONFLICT DO NOTHING`
    /// would wait for the claim that holds (and has updated) the row to end.
    func ensureOffsetRow(group: String, partition: TopicPartition, now: Date) throws {
        try execute(
            """
            INSERT INTO event_group_offsets (group_name, topic, partition_index, committed_offset, updated_at) \
            SELECT $1, $2, $3, NULL, $4 WHERE NOT EXISTS (SELECT 1 FROM event_group_offsets \
            WHERE group_name = $1 AND topic = $2 AND partition_index = $3) ON CONFLICT DO NOTHING
            """,
            [
                .text(group), .text(partition.topic), .integer(Int64(partition.partition)),
                .integer(now.millisecondsSince1970),
            ], step: "create offset row")
    }

    /// Locks the group's row for `partition` until the transaction ends, unless another
    /// transaction holds it (`SKIP LOCKED`). Returns nil when the row is locked elsewhere (or
    /// missing), else the committed offset in it (itself nil before the first commit).
    func lockOffsetRow(group: String, partition: TopicPartition) throws -> Int64?? {
        let result = try execute(
            """
            SELECT committed_offset FROM event_group_offsets \
            WHERE group_name = $1 AND topic = $2 AND partition_index = $3 FOR UPDATE SKIP LOCKED
            """, [.text(group), .text(partition.topic), .integer(Int64(partition.partition))], step: "claim partition")
        guard result.rowCount == 1 else { return nil }
        return .some(try result.optionalInt64(0, 0))
    }

    /// Groups with members (live or not) or committed offsets.
    func groupNames() throws -> [String] {
        let result = try execute(
            """
            SELECT group_name FROM event_group_members UNION \
            SELECT group_name FROM event_group_offsets WHERE committed_offset IS NOT NULL ORDER BY group_name
            """, step: "list groups")
        return (0..<result.rowCount).map { result.text($0, 0) }
    }
}
