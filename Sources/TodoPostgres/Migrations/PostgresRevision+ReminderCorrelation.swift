extension PostgresRevision {
    /// The correlation id of the change that scheduled a reminder, as on SQLite.
    static let reminderCorrelation = PostgresRevision(
        id: "0006_reminder_correlation",
        summary: "The correlation id of the change that scheduled each reminder",
        up: "ALTER TABLE reminder_schedule ADD COLUMN correlation_id TEXT;",
        down: "ALTER TABLE reminder_schedule DROP COLUMN correlation_id;")
}
