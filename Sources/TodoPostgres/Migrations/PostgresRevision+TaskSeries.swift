extension PostgresRevision {
    /// Repeating tasks as series of occurrences, as on SQLite: the `task_series` table, three
    /// columns on `tasks`, and a unique index that allows one task per occurrence of a series.
    static let taskSeries = PostgresRevision(
        id: "0003_task_series",
        summary: "Task series: occurrences of repeating tasks, unique per series",
        up: """
            CREATE TABLE task_series (
                id TEXT COLLATE "C" PRIMARY KEY,
                owner_id TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                rule TEXT NOT NULL,
                mode TEXT NOT NULL,
                anchor TEXT NOT NULL,
                anchor_occurrence INTEGER NOT NULL,
                last_occurrence INTEGER NOT NULL,
                last_scheduled TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                version INTEGER NOT NULL
            );

            -- No foreign key on series_id, as on SQLite: the series is removed by the code that
            -- removes its last task.
            ALTER TABLE tasks ADD COLUMN recurrence_mode TEXT, ADD COLUMN series_id TEXT COLLATE "C",
                ADD COLUMN occurrence INTEGER;
            -- One task per occurrence of a series (NULLs, tasks outside a series, never collide).
            CREATE UNIQUE INDEX tasks_series_occurrence ON tasks (series_id, occurrence);

            -- Repeating tasks from before series existed repeat from the schedule.
            UPDATE tasks SET recurrence_mode = 'from_schedule' WHERE recurrence IS NOT NULL;
            """,
        down: """
            DROP INDEX tasks_series_occurrence;
            ALTER TABLE tasks DROP COLUMN occurrence, DROP COLUMN series_id, DROP COLUMN recurrence_mode;
            DROP TABLE task_series;
            """)
}
