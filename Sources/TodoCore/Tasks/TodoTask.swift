import Foundation

/// A task as stored: what a user wants done, owned by exactly one user.
///
/// `version` starts at 1 and increases by one on every change; it is the ETag clients send back in
/// `If-Match` to detect lost updates.
public struct TodoTask: Sendable, Equatable {
    public var id: String
    public var ownerID: String
    public var title: String
    public var description: String?
    public var completed: Bool
    public var completedAt: Date?
    public var priority: Priority
    public var tags: [String]
    public var due: Due?
    /// The instant `due` falls at in the owner's timezone (see ``Due/deadline(in:)``), kept with
    /// the task so that storage can sort and filter on it.
    public var deadline: Date?
    /// An RFC 5545 RRULE value such as `FREQ=WEEKLY;BYDAY=TU`: the rule of the task's series.
    public var recurrence: String?
    /// How the series counts its next occurrence; set exactly when `recurrence` is.
    public var recurrenceMode: RecurrenceMode?
    /// The ``TaskSeries`` this task is an occurrence of, and which one (1, 2, ...).
    public var seriesID: String?
    public var occurrence: Int?
    public var reminders: [Reminder]
    public var createdAt: Date
    public var updatedAt: Date
    public var version: Int

    public init(
        id: String, ownerID: String, title: String, description: String? = nil, completed: Bool = false,
        completedAt: Date? = nil, priority: Priority = .none, tags: [String] = [], due: Due? = nil,
        deadline: Date? = nil, recurrence: String? = nil, recurrenceMode: RecurrenceMode? = nil,
        seriesID: String? = nil, occurrence: Int? = nil, reminders: [Reminder] = [], createdAt: Date,
        updatedAt: Date, version: Int = 1
    ) {
        self.id = id
        self.ownerID = ownerID
        self.title = title
        self.description = description
        self.completed = completed
        self.completedAt = completedAt
        self.priority = priority
        self.tags = tags
        self.due = due
        self.deadline = deadline
        self.recurrence = recurrence
        self.recurrenceMode = recurrenceMode
        self.seriesID = seriesID
        self.occurrence = occurrence
        self.reminders = reminders
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
    }

    /// The text search matches against: title and description, folded by ``TextSearch``.
    public var searchText: String {
        TextSearch.fold(description.map { title + "\n" + $0 } ?? title)
    }
}

/// Case- and accent-insensitive matching that every store implements the same way: both the
/// stored text and the query are folded here, and the store does a plain substring match.
public enum TextSearch {
    public static func fold(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping.folding(
            options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }
}
