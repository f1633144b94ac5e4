extension SQLiteRevision {
    /// The correlation id of the change that scheduled a reminder, so the delivery's event and logs
    /// carry it on: a reminder set through the API is traceable to its notification.
    static let reminderCorrelation = SQLiteRevision(
        id: "0006_reminder_correlation",
        summary: "The correlation id of the change that scheduled each reminder",
        up: "ALTER TABLE reminder_schedule ADD COLUMN correlation_id TEXT;",
        down: "ALTER TABLE reminder_schedule DROP COLUMN correlation_id;")
}
