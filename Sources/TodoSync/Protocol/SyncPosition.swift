/// Where a client stands in its stream: the next offset it has not seen in the partition of
/// `task-updates` that holds its user's events. Clients treat it as an opaque string (`"1:43"`)
/// and send the last one they received back as `since` to resume right after it.
public struct SyncPosition: Sendable, Equatable, CustomStringConvertible {
    public var partition: Int
    /// The offset of the first message not yet delivered.
    public var nextOffset: Int64

    public init(partition: Int, nextOffset: Int64) {
        self.partition = partition
        self.nextOffset = nextOffset
    }

    /// The position right after the message at `offset`.
    public init(after offset: Int64, partition: Int) {
        self.init(partition: partition, nextOffset: offset + 1)
    }

    /// Parses `<partition>:<next offset>`, both non-negative decimal integers; nil otherwise.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.utf8.count <= 18 }),
            let partition = Int(parts[0]), let offset = Int64(parts[1]), partition >= 0, offset >= 0,
            parts.allSatisfy({ $0.utf8.allSatisfy { (48...57).contains($0) } })
        else { return nil }
        self.init(partition: partition, nextOffset: offset)
    }

    public var description: String { "\(partition):\(nextOffset)" }
}
