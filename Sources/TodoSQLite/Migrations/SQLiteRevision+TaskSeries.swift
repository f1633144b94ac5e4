extension SQLiteRevision {
    /// Repeating tasks as series of occurrences. Plain SQL apart from STRICT, so that other
    /// adapters can take it as it is.
    static let taskSeries = SQLiteRevision(
        id: "0003_task_series",
        summary: "Task series: occurrences of repeating tasks, unique per series",
        up: """
            CREATE TABLE task_series (
                id TEXT PRIMARY KEY,
                owner_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                rule TEXT NOT NULL,
                mode TEXT NOT NULL,
                anchor TEXT NOT NULL,
                anchor_occurrence INTEGER NOT NULL,
                last_occurrence INTEGER NOT NULL,
                last_scheduled TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                version INTEGER NOT NULL
            ) STRICT;

            -- No foreign key on series_id: SQLite cannot drop a column that has one, and the
            -- series is removed by the code that removes its last task.
            ALTER TABLE tasks ADD COLUMN recurrence_mode TEXT;
            ALTER TABLE tasks ADD COLUMN series_id TEXT;
            ALTER TABLE tasks ADD COLUMN occurrence INTEGER;
            -- The belt to the recurring-task service's braces: one task per occurrence of a series.
            CREATE UNIQUE INDEX tasks_series_occurrence ON tasks (series_id, occurrence);

            -- Repeating tasks from before series existed repeat from the schedule; their series is
            -- created when one is next completed or edited.
            UPDATE tasks SET recurrence_mode = 'from_schedule' WHERE recurrence IS NOT NULL;
            """,
        down: """
            DROP INDEX tasks_series_occurrence;
            ALTER TABLE tasks DROP COLUMN occurrence;
            ALTER TABLE tasks DROP COLUMN series_id;
            ALTER TABLE tasks DROP COLUMN recurrence_mode;
            DROP TABLE task_series;
            """)
}
