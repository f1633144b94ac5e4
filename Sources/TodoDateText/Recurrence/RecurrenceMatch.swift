/// A repeat phrase found in a message.
public struct RecurrenceMatch: Sendable, Equatable {
    public enum Value: Sendable, Equatable {
        case pattern(RecurrencePattern)
        /// A repeat the task model cannot hold ("every hour"); `reason` explains it to the user.
        case unsupported(reason: String)
    }

    /// Indexes into the words given to the recognizer.
    public let range: Range<Int>
    public let value: Value

    public init(range: Range<Int>, value: Value) {
        self.range = range
        self.value = value
    }
}
