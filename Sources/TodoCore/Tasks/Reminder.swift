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
