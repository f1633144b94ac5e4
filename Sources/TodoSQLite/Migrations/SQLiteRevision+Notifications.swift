extension SQLiteRevision {
    /// The notification service's tables: the durable reminder schedule, delivered notifications,
    /// per-user preferences, and webhook deliveries with every attempt.
    static let notifications = SQLiteRevision(
        id: "0004_notifications",
        summary: "Reminder schedule, notifications, notification preferences, webhook deliveries",
        up: """
            CREATE TABLE reminder_tasks (
                task_id TEXT PRIMARY KEY,
                version INTEGER NOT NULL
            ) STRICT, WITHOUT ROWID;

            CREATE TABLE reminder_schedule (
                id TEXT PRIMARY KEY,
                user_id TEXT NOT NULL,
                task_id TEXT NOT NULL,
                task_version INTEGER NOT NULL,
                title TEXT NOT NULL,
                due_at INTEGER,
                fire_at INTEGER NOT NULL,
                deliver_at INTEGER NOT NULL,
                status TEXT NOT NULL,
                claimed_by TEXT,
                lease_until INTEGER,
                attempts INTEGER NOT NULL,
                updated_at INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX reminder_schedule_due ON reminder_schedule (status, deliver_at);
            CREATE INDEX reminder_schedule_task ON reminder_schedule (task_id);

            CREATE TABLE notifications (
                id TEXT PRIMARY KEY,
                user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                task_id TEXT NOT NULL,
                reminder_id TEXT NOT NULL UNIQUE,
                title TEXT NOT NULL,
                due_at INTEGER,
                fire_at INTEGER NOT NULL,
                delivered_at INTEGER NOT NULL,
                late INTEGER NOT NULL,
                read_at INTEGER
            ) STRICT;
            CREATE INDEX notifications_user ON notifications (user_id, id);

            CREATE TABLE notification_preferences (
                user_id TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
                webhook_enabled INTEGER NOT NULL,
                webhook_url TEXT,
                webhook_secret TEXT,
                quiet_policy TEXT NOT NULL
            ) STRICT, WITHOUT ROWID;

            CREATE TABLE webhook_deliveries (
                id TEXT PRIMARY KEY,
                notification_id TEXT NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
                user_id TEXT NOT NULL,
                url TEXT NOT NULL,
                body BLOB NOT NULL,
                status TEXT NOT NULL,
                attempts INTEGER NOT NULL,
                next_attempt_at INTEGER NOT NULL,
                last_status_code INTEGER,
                last_error TEXT
            ) STRICT;
            CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);

            CREATE TABLE webhook_attempts (
                delivery_id TEXT NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
                attempt INTEGER NOT NULL,
                attempted_at INTEGER NOT NULL,
                status_code INTEGER,
                error TEXT,
                PRIMARY KEY (delivery_id, attempt)
            ) STRICT, WITHOUT ROWID;
            """,
        down: """
            DROP TABLE webhook_attempts;
            DROP TABLE webhook_deliveries;
            DROP TABLE notification_preferences;
            DROP TABLE notifications;
            DROP TABLE reminder_schedule;
            DROP TABLE reminder_tasks;
            """)
}
