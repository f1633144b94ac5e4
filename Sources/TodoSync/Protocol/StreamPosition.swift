/// Where a client stands in one stream: the next offset it has not seen in the partition of the
/// stream's topic that holds its user's events. Written `<letter><partition>:<next offset>`
/// (`u1:43`); every event message carries the position right after itself.
public struct StreamPosition: Sendable, Equatable, CustomStringConvertible {
    public var stream: SyncStream
    public var partition: Int
    /// The offset of the first message not yet delivered.
    public var nextOffset: Int64

    public init(stream: SyncStream, partition: Int, nextOffset: Int64) {
        self.stream = stream
        self.partition = partition
        self.nextOffset = nextOffset
    }

    /// The position right after the message at `offset`.
    public init(stream: SyncStream, after offset: Int64, partition: Int) {
        self.init(stream: stream, partition: partition, nextOffset: offset + 1)
    }

    /// Parses `<letter><partition>:<next offset>` with non-negative decimal numbers; nil otherwise.
    public init?(_ text: Substring) {
        guard let letter = text.first, let stream = SyncStream(rawValue: String(letter)) else { return nil }
        let parts = text.dropFirst().split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2,
            parts.allSatisfy({ !$0.isEmpty && $0.utf8.count <= 18 && $0.utf8.allSatisfy { (48...57).contains($0) } }),
            let partition = Int(parts[0]), let offset = Int64(parts[1])
        else { return nil }
        self.init(stream: stream, partition: partition, nextOffset: offset)
    }

    public var description: String { "\(stream.rawValue)\(partition):\(nextOffset)" }
}

/// A client's place in every stream: what `ready` reports and what `since` takes back, the
/// positions joined by commas (`u1:43,n1:7`). A client keeps the latest position of each stream
/// it received (from `ready` and from each event) and sends them all to resume.
public struct SyncCursor: Sendable, Equatable, CustomStringConvertible {
    public var positions: [StreamPosition]

    public init(positions: [StreamPosition]) {
        self.positions = positions.sorted { $0.stream < $1.stream }
    }

    /// Parses a cursor: one position per stream, each stream exactly once, in any order.
    public init?(_ text: String) {
        var positions: [StreamPosition] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let position = StreamPosition(part), !positions.contains(where: { $0.stream == position.stream })
            else { return nil }
            positions.append(position)
        }
        guard positions.count == SyncStream.allCases.count else { return nil }
        self.init(positions: positions)
    }

    public subscript(stream: SyncStream) -> StreamPosition? {
        positions.first { $0.stream == stream }
    }

    public var description: String { positions.map(\.description).joined(separator: ",") }
}
