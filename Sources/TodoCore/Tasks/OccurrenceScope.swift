/// Which occurrences of a repeating task a change or deletion applies to.
public enum OccurrenceScope: String, Sendable, CaseIterable {
    /// This task only (the default). A change to `recurrence` or `recurrence_mode` still applies to
    /// the series from this occurrence on: a rule belongs to the series, not to one occurrence.
    case this
    /// This occurrence and every later one: the later tasks that exist take the same changes to
    /// their title, description, priority, tags and reminders, and the series continues from this
    /// occurrence with its rule and due time. Later tasks keep their own due times.
    case following
}
