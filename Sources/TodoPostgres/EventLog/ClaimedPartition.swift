import Foundation
import TodoCore

/// The cursor of a claim: commits go to the locked offset row on the claim's own connection, in
/// the claim's transaction, and become visible when the claim ends.
struct ClaimedPartition: PartitionCursor {
    let connection: PostgresConnection
    let group: String
    let partition: TopicPartition
    let committedOffset: Int64?
    let clock: any TimeSource

    func commit(_ offset: Int64) throws {
        try connection.commitOffset(group: group, partition: partition, offset: offset, now: clock.now)
    }
}
