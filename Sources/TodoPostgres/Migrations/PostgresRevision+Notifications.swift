extension PostgresRevision {
    /// The notification service's tables, as on SQLite: the durable reminder schedule, delivered
    /// notifications, per-user preferences, and webhook deliveries with every attempt. Claims on
    /// the schedule and on deliveries lock rows with `FOR UPDATE SKIP LOCKED`, so the due indexes
    /// serve both the scan and the lock.
    static let notifications = PostgresRevision(
        id: "0004_notifications",
        summary: "Reminder schedule, notifications, notification preferences, webhook deliveries",
        up: """
            CREATE TABLE reminder_tasks (
                task_id TEXT COLLATE "C" PRIMARY KEY,
                version INTEGER NOT NULL
            );

            CREATE TABLE reminder_schedule (
                id TEXT COLLATE "C" PRIMARY KEY,
                user_id TEXT COLLATE "C" NOT NULL,
                task_id TEXT COLLATE "C" NOT NULL,
                task_version INTEGER NOT NULL,
                title TEXT NOT NULL,
                due_at BIGINT,
                fire_at BIGINT NOT NULL,
                deliver_at BIGINT NOT NULL,
                status TEXT NOT NULL,
                claimed_by TEXT,
                lease_until BIGINT,
                attempts INTEGER NOT NULL,
                updated_at BIGINT NOT NULL
            );
            CREATE INDEX reminder_schedule_due ON reminder_schedule (status, deliver_at);
            CREATE INDEX reminder_schedule_task ON reminder_schedule (task_id);

            CREATE TABLE notifications (
                id TEXT COLLATE "C" PRIMARY KEY,
                user_id TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                task_id TEXT COLLATE "C" NOT NULL,
                reminder_id TEXT COLLATE "C" NOT NULL CONSTRAINT notifications_reminder_key UNIQUE,
                title TEXT NOT NULL,
                due_at BIGINT,
                fire_at BIGINT NOT NULL,
                delivered_at BIGINT NOT NULL,
                late BOOLEAN NOT NULL,
                read_at BIGINT
            );
            CREATE INDEX notifications_user ON notifications (user_id, id);

            CREATE TABLE notification_preferences (
                user_id TEXT COLLATE "C" PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
                webhook_enabled BOOLEAN NOT NULL,
                webhook_url TEXT,
                webhook_secret TEXT,
                quiet_policy TEXT NOT NULL
            );

            CREATE TABLE webhook_deliveries (
                id TEXT COLLATE "C" PRIMARY KEY,
                notification_id TEXT COLLATE "C" NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
                user_id TEXT COLLATE "C" NOT NULL,
                url TEXT NOT NULL,
                body BYTEA NOT NULL,
                status TEXT NOT NULL,
                attempts INTEGER NOT NULL,
                next_attempt_at BIGINT NOT NULL,
                last_status_code INTEGER,
                last_error TEXT
            );
            CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);

            CREATE TABLE webhook_attempts (
                delivery_id TEXT COLLATE "C" NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
                attempt INTEGER NOT NULL,
                attempted_at BIGINT NOT NULL,
                status_code INTEGER,
                error TEXT,
                PRIMARY KEY (delivery_id, attempt)
            );
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
