extension SQLiteRevision {
    /// Users, tasks and task tags.
    static let initial = SQLiteRevision(
        id: "0001_initial",
        summary: "Users, tasks and task tags",
        up: """
            CREATE TABLE users (
                id TEXT PRIMARY KEY,
                email TEXT NOT NULL UNIQUE,
                name TEXT,
                timezone TEXT NOT NULL,
                quiet_start TEXT,
                quiet_end TEXT,
                notification_channels TEXT NOT NULL,
                password_hash TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL
            ) STRICT;

            CREATE TABLE tasks (
                id TEXT PRIMARY KEY,
                owner_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                title TEXT NOT NULL,
                title_key TEXT NOT NULL,
                description TEXT,
                search_text TEXT NOT NULL,
                completed INTEGER NOT NULL,
                completed_at INTEGER,
                priority INTEGER NOT NULL,
                tags TEXT NOT NULL,
                due_at INTEGER,
                due_date TEXT,
                deadline INTEGER,
                recurrence TEXT,
                reminders TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                version INTEGER NOT NULL
            ) STRICT;
            -- One index per owner, in deadline order (the default sort). Every list is scoped to one
            -- owner, who has hundreds to a few thousand tasks: other sorts and the all-day lookup read
            -- this owner's rows and sort them in memory, which costs less than keeping five more
            -- indexes up to date on every write.
            CREATE INDEX tasks_owner_deadline ON tasks (owner_id, COALESCE(deadline, 9223372036854775807), id);

            CREATE TABLE task_tags (
                task_id TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
                owner_id TEXT NOT NULL,
                tag_key TEXT NOT NULL,
                tag_name TEXT NOT NULL,
                PRIMARY KEY (task_id, tag_key)
            ) STRICT, WITHOUT ROWID;
            -- No index by owner: tag counts reach task_tags through the owner's tasks.
            """,
        down: """
            DROP TABLE task_tags;
            DROP TABLE tasks;
            DROP TABLE users;
            """)
}
