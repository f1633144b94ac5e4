import Foundation

/// A repeating task: the rule its occurrences follow and where the next one comes from. Each
/// occurrence is its own ``TodoTask`` carrying the series id and its occurrence number.
///
/// Occurrence numbers start at 1 and grow by one per created instance; storage keeps them unique
/// per series. `lastOccurrence` is the highest number ever created: only completing that instance
/// creates the next, so reopening and completing an older one, or deleting the newest, never adds
/// another.
public struct TaskSeries: Sendable, Equatable {
    public var id: String
    public var ownerID: String
    public var rule: RecurrenceRule
    public var mode: RecurrenceMode
    /// The schedule's start (RFC 5545's DTSTART) on the owner's wall clock.
    public var anchor: ScheduledTime
    /// The occurrence number the anchor belongs to; COUNT counts from it.
    public var anchorOccurrence: Int
    public var lastOccurrence: Int
    /// Where the schedule put the newest occurrence: the next one always comes after it, even
    /// when that task was moved earlier.
    public var lastScheduled: ScheduledTime
    public var createdAt: Date
    public var updatedAt: Date
    /// Starts at 1; storage refuses an update that expects another (a concurrent change).
    public var version: Int

    public init(
        id: String, ownerID: String, rule: RecurrenceRule, mode: RecurrenceMode, anchor: ScheduledTime,
        anchorOccurrence: Int = 1, lastOccurrence: Int = 1, lastScheduled: ScheduledTime? = nil, createdAt: Date,
        updatedAt: Date, version: Int = 1
    ) {
        self.id = id
        self.ownerID = ownerID
        self.rule = rule
        self.mode = mode
        self.anchor = anchor
        self.anchorOccurrence = anchorOccurrence
        self.lastOccurrence = lastOccurrence
        self.lastScheduled = lastScheduled ?? anchor
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
    }
}
