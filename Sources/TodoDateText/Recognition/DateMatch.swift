/// One phrase found in a message: which words it spans and what it means.
public struct DateMatch: Sendable, Equatable {
    /// Indexes into the words given to the recognizer, including connectors it absorbed ("due on").
    public let range: Range<Int>
    public let value: DateValue

    public init(range: Range<Int>, value: DateValue) {
        self.range = range
        self.value = value
    }
}
