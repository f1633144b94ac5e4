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
}
