import Foundation

/// One header of a message: a name and a text value. Names repeat when a header has several values.
public struct MessageHeader: Sendable, Equatable, Hashable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// A message on its way into the log: the key chooses the partition (see ``Partitioner``).
public struct OutgoingMessage: Sendable, Equatable {
    public var topic: String
    public var key: String
    public var headers: [MessageHeader]
    public var value: [UInt8]

    public init(topic: String, key: String, headers: [MessageHeader] = [], value: [UInt8]) {
        self.topic = topic
        self.key = key
        self.headers = headers
        self.value = value
    }
}

/// A message as stored in the log, at its place in one partition.
public struct LogMessage: Sendable, Equatable {
    public var topic: String
    public var partition: Int
    /// Position within the partition: 0 for the first message ever appended, then +1 each time.
    /// Offsets are never reused, even after retention removed older messages.
    public var offset: Int64
    public var key: String
    public var headers: [MessageHeader]
    public var value: [UInt8]
    /// When the log accepted the message (whole milliseconds).
    public var timestamp: Date

    public init(
        topic: String, partition: Int, offset: Int64, key: String, headers: [MessageHeader], value: [UInt8],
        timestamp: Date
    ) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
        self.key = key
        self.headers = headers
        self.value = value
        self.timestamp = timestamp
    }

    /// The value of the first header called `name`, if any.
    public func header(_ name: String) -> String? {
        headers.first { $0.name == name }?.value
    }
}
