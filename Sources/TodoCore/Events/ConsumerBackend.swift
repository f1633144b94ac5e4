/// The storage operations a ``ConsumerLoop`` needs, implemented by each ``EventLog`` adapter that
/// stores its own offsets. All calls block and may throw `AppError`s.
public protocol ConsumerBackend: Sendable {
    /// Joins `group` or renews the membership of `memberID`, and returns the partitions the member
    /// owns now (see ``PartitionAssignor``).
    func heartbeat(group: String, memberID: String, topics: [String]) throws -> [TopicPartition]
    /// Removes the member, so the others take over its partitions.
    func leave(group: String, memberID: String) throws
    /// The next offset `group` consumes in `partition`, or nil before its first commit.
    func committedOffset(group: String, partition: TopicPartition) throws -> Int64?
    /// The retained offsets of `partition`.
    func offsets(of partition: TopicPartition) throws -> PartitionMetadata
    /// Up to `limit` messages of `partition` from `offset` on.
    func fetch(_ partition: TopicPartition, from offset: Int64, limit: Int) throws -> [LogMessage]
    /// Records `offset` as the group's next offset in `partition`; never moves it backwards.
    func commit(group: String, partition: TopicPartition, offset: Int64) throws

    /// Runs `body` while `memberID` holds `group`'s claim on `partition`, so that no other member
    /// of the group, in any process, consumes that partition meanwhile; the loop reads and commits
    /// the group's offset through the cursor `body` gets. Returns false without running `body` when
    /// another member holds the claim right now.
    ///
    /// The default claims nothing: it runs `body` with ``committedOffset(group:partition:)`` and
    /// ``commit(group:partition:offset:)``, for logs where the assignment alone decides who
    /// consumes (see ``PartitionAssignor``).
    func withClaim(
        group: String, memberID: String, partition: TopicPartition, _ body: (any PartitionCursor) throws -> Void
    ) throws -> Bool
}

extension ConsumerBackend {
    public func withClaim(
        group: String, memberID: String, partition: TopicPartition, _ body: (any PartitionCursor) throws -> Void
    ) throws -> Bool {
        let committed = try committedOffset(group: group, partition: partition)
        try body(UnclaimedCursor(backend: self, group: group, partition: partition, committedOffset: committed))
        return true
    }
}

/// The cursor of the default ``ConsumerBackend/withClaim(group:memberID:partition:_:)``.
private struct UnclaimedCursor: PartitionCursor {
    let backend: any ConsumerBackend
    let group: String
    let partition: TopicPartition
    let committedOffset: Int64?

    func commit(_ offset: Int64) throws {
        try backend.commit(group: group, partition: partition, offset: offset)
    }
}
