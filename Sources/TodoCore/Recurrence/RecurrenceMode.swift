/// What the next occurrence of a repeating task is counted from when one is completed.
public enum RecurrenceMode: String, Sendable, CaseIterable {
    /// The schedule's next occurrence after the completed one's due time (the default). Occurrences
    /// that were already overdue when it was completed are skipped: completing a task late gives
    /// one next instance, never a burst of past ones.
    case fromSchedule = "from_schedule"
    /// The rule started afresh on the day the task was completed, at the series' time of day: "every
    /// 3 days" means three days after it was last done.
    case fromCompletion = "from_completion"
}
