import TodoCore
import TodoDateText

/// What a message says about a task apart from which task it is: the third stage's output.
public struct TaskDetails: Sendable, Equatable {
    /// When the task is due, as written.
    public var due: DateValue?
    public var recurrence: RecurrencePattern?
    /// Why a repeat that was asked for cannot be kept ("every hour").
    public var unsupportedRecurrence: String?
    public var reminders: [ReminderRequest] = []
    public var priority: Priority?
    public var tags: [String] = []
    /// The tokens nothing above used: the title, or the words naming a task.
    public var rest: [Token] = []

    public init() {}

    /// Whether any detail besides the leftover words was found.
    public var isEmpty: Bool {
        due == nil && recurrence == nil && unsupportedRecurrence == nil && reminders.isEmpty && priority == nil
            && tags.isEmpty
    }
}

/// A reminder as asked for: some minutes before the task is due, or at a time.
public enum ReminderRequest: Sendable, Equatable {
    case before(minutes: Int)
    case at(DateValue)
}
