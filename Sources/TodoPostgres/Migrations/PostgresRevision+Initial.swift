extension PostgresRevision {
    /// Users, tasks and task tags. Instants are BIGINT milliseconds since the epoch, as on SQLite.
    /// Text that is sorted or compared by range (`id`, `title_key`, `tag_key`) is `COLLATE "C"`, so
    /// it orders by UTF-8 bytes exactly like SQLite, whatever collation the database was created with.
    static let initial = PostgresRevision(
        id: "0001_initial",
        summary: "Users, tasks and task tags",
        up: """
            CREATE TABLE users (
                id TEXT COLLATE "C" PRIMARY KEY,
                email TEXT NOT NULL CONSTRAINT users_email_key UNIQUE,
                name TEXT,
                timezone TEXT NOT NULL,
                quiet_start TEXT,
                quiet_end TEXT,
                notification_channels TEXT NOT NULL,
                password_hash TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            );

            CREATE TABLE tasks (
                id TEXT COLLATE "C" PRIMARY KEY,
                owner_id TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                title TEXT NOT NULL,
                title_key TEXT COLLATE "C" NOT NULL,
                description TEXT,
                search_text TEXT NOT NULL,
                completed BOOLEAN NOT NULL,
                completed_at BIGINT,
                priority SMALLINT NOT NULL,
                tags TEXT NOT NULL,
                due_at BIGINT,
                due_date TEXT,
                deadline BIGINT,
                recurrence TEXT,
                reminders TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                version INTEGER NOT NULL
            );
            -- One index per owner, in deadline order (the default sort), as on SQLite: other sorts
            -- read the owner's rows (hundreds to a few thousand) and sort them.
            CREATE INDEX tasks_owner_deadline ON tasks (owner_id, COALESCE(deadline, 9223372036854775807), id);

            CREATE TABLE task_tags (
                task_id TEXT COLLATE "C" NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
                owner_id TEXT COLLATE "C" NOT NULL,
                tag_key TEXT COLLATE "C" NOT NULL,
                tag_name TEXT NOT NULL,
                PRIMARY KEY (task_id, tag_key)
            );
            """,
        down: """
            DROP TABLE task_tags;
            DROP TABLE tasks;
            DROP TABLE users;
            """)
}
