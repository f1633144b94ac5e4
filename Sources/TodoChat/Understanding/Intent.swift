import TodoCore

/// What a message asks for.
public enum Intent: String, Sendable, CaseIterable {
    case add, list, complete, reopen, delete, update, remind, confirm, deny
    case greeting, thanks, farewell, help
    case smallTalk = "small_talk"
    case clock, unknown

    /// Intents that only talk and never touch tasks.
    public var isConversational: Bool {
        [.greeting, .thanks, .farewell, .help, .smallTalk, .clock].contains(self)
    }
}

/// Which change an update asks for.
public enum UpdateKind: String, Sendable {
    case rename, reschedule
    case shiftLater = "shift_later"
    case shiftEarlier = "shift_earlier"
    case priority, tag, untag
    case repeats
    case stopRepeating = "stop_repeating"
    case clearDue = "clear_due"
    /// The change is in the words themselves ("make it weekly", "set the report to high
    /// priority"): whatever can be read from them is the change; "to" separates a new title.
    case change
    /// Like ``change``, but a new title is never guessed ("the report is urgent").
    case assertion
}

/// The parts of a message an intent rule captured.
public enum Slot: String, Sendable {
    /// The request itself: what to add, what to list.
    case body
    /// Which task: "the meeting", "it", "task 3".
    case reference
    /// The new value: a date, a title, a priority.
    case value
    /// Tag names.
    case tags
    /// A task reference and a change in the same words ("it weekly"), for the planner to untangle.
    case mixed
}
