/// A group's position in one partition while one member holds it, handed out by
/// ``ConsumerBackend/withClaim(group:memberID:partition:_:)``. Valid only inside that call.
public protocol PartitionCursor {
    /// The next offset the group consumes, as it was when the claim was taken; nil before the
    /// group's first commit.
    var committedOffset: Int64? { get }
    /// Records `offset` as the group's next offset; never moves it backwards.
    func commit(_ offset: Int64) throws
}
