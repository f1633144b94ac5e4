import Foundation
import TodoCore

/// Consumer-group SQL: members with leases, and committed offsets.
extension SQLiteConnection {
    /// Live members of `group` (lease not yet expired at `now`).
    func liveMembers(group: String, now: Date) throws -> [PartitionAssignor.Member] {
        try query(
            "SELECT member_id, topics FROM event_group_members WHERE group_name = ? AND lease_until >= ?",
            [.text(group), .integer(now.millisecondsSince1970)], step: "load group members"
        ) { PartitionAssignor.Member(id: $0.text(0), topics: Set(TopicList.decode($0.text(1)))) }
    }

    /// The lease end of one member, or nil when it has no row.
    func leaseEnd(group: String, memberID: String) throws -> Date? {
        try query(
            "SELECT lease_until FROM event_group_members WHERE group_name = ? AND member_id = ?",
            [.text(group), .text(memberID)], step: "load member lease"
        ) { Date(millisecondsSince1970: $0.int64(0)) }.first
    }

    /// Inserts or renews a member until `leaseUntil`, and removes the group's expired members.
    /// Returns true when the member was not in the group before.
    func renewMember(group: String, memberID: String, topics: [String], now: Date, leaseUntil: Date) throws -> Bool {
        try execute(
            "DELETE FROM event_group_members WHERE group_name = ? AND lease_until < ?",
            [.text(group), .integer(now.millisecondsSince1970)], step: "expire group members")
        let updated = try execute(
            "UPDATE event_group_members SET lease_until = ?, topics = ? WHERE group_name = ? AND member_id = ?",
            [
                .integer(leaseUntil.millisecondsSince1970), .text(TopicList.encode(topics)), .text(group),
                .text(memberID),
            ],
            step: "renew member")
        guard updated == 0 else { return false }

        try execute(
            """
            INSERT INTO event_group_members (group_name, member_id, topics, joined_at, lease_until) \
            VALUES (?, ?, ?, ?, ?)
            """,
            [
                .text(group), .text(memberID), .text(TopicList.encode(topics)), .integer(now.millisecondsSince1970),
                .integer(leaseUntil.millisecondsSince1970),
            ], step: "join group")
        return true
    }

    func removeMember(group: String, memberID: String) throws {
        try execute(
            "DELETE FROM event_group_members WHERE group_name = ? AND member_id = ?", [.text(group), .text(memberID)],
            step: "leave group")
    }

    /// Every partition of `topics` that exist.
    func partitions(of topics: Set<String>) throws -> [TopicPartition] {
        try query(
            "SELECT topic, partition_index FROM event_partitions ORDER BY topic, partition_index",
            step: "list partitions"
        ) {
            TopicPartition(topic: $0.text(0), partition: Int($0.int64(1)))
        }.filter { topics.contains($0.topic) }
    }

    func committedOffset(group: String, partition: TopicPartition) throws -> Int64? {
        try query(
            """
            SELECT committed_offset FROM event_group_offsets WHERE group_name = ? AND topic = ? AND partition_index = ?
            """, [.text(group), .text(partition.topic), .integer(Int64(partition.partition))], step: "load offset"
        ) { $0.int64(0) }.first
    }

    /// Every committed offset of `group`, by partition.
    func committedOffsets(group: String) throws -> [TopicPartition: Int64] {
        let rows = try query(
            "SELECT topic, partition_index, committed_offset FROM event_group_offsets WHERE group_name = ?",
            [.text(group)], step: "load group offsets"
        ) { (TopicPartition(topic: $0.text(0), partition: Int($0.int64(1))), $0.int64(2)) }
        return Dictionary(rows, uniquingKeysWith: { first, _ in first })
    }

    /// Moves the group's offset forward to `offset`; an older offset leaves it unchanged.
    func commitOffset(group: String, partition: TopicPartition, offset: Int64, now: Date) throws {
        try execute(
            """
            INSERT INTO event_group_offsets (group_name, topic, partition_index, committed_offset, updated_at) \
            VALUES (?, ?, ?, ?, ?) ON CONFLICT (group_name, topic, partition_index) DO UPDATE SET \
            committed_offset = excluded.committed_offset, updated_at = excluded.updated_at \
            WHERE excluded.committed_offset > event_group_offsets.committed_offset
            """,
            [
                .text(group), .text(partition.topic), .integer(Int64(partition.partition)), .integer(offset),
                .integer(now.millisecondsSince1970),
            ], step: "commit offset")
    }

    /// Groups with members (live or not) or committed offsets.
    func groupNames() throws -> [String] {
        try query(
            """
            SELECT group_name FROM event_group_members UNION SELECT group_name FROM event_group_offsets \
            ORDER BY group_name
            """, step: "list groups"
        ) { $0.text(0) }
    }
}
