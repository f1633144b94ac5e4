import Foundation

/// A reminder on a task: at a fixed instant, or a number of minutes before the task is due.
public enum Reminder: Sendable, Hashable {
    case at(Date)
    case before(minutes: Int)

    /// The longest offset before a due time: 366 days.
    public static let maximumMinutesBefore = 366 * 24 * 60
    /// At most this many reminders per task.
    public static let maximumCount = 10
}

extension Reminder {
    /// When the reminder fires for a task due at `deadline`; nil for an offset on a task without one.
    public func fireTime(deadline: Date?) -> Date? {
        switch self {
        case .at(let instant): instant
        case .before(let minutes): deadline.map { $0.addingTimeInterval(-Double(minutes) * 60) }
        }
    }
}
