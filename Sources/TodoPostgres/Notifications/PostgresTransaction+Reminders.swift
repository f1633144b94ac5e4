import Foundation
import TodoCore

/// The reminder schedule (see ``NotificationWriter``). Several service instances may work on one
/// database at once: a claim locks the rows it takes with `FOR UPDATE SKIP LOCKED`, so two
/// instances never take the same entry, and neither waits for the other.
extension PostgresTransaction {
    func replaceReminders(taskID: String, version: Int, with entries: [ScheduledReminder]) throws -> Bool {
        // The upsert takes the task's row lock and refuses an older version: replacements of one
        // task apply one at a time, in version order, and a stale one changes nothing.
        let recorded = try connection.execute(
            """
            INSERT INTO reminder_tasks (task_id, version) VALUES ($1, $2) ON CONFLICT (task_id) \
            DO UPDATE SET version = excluded.version WHERE reminder_tasks.version <= excluded.version \
            RETURNING version
            """, [.text(taskID), .integer(Int64(version))], step: "record reminder version")
        guard recorded.rowCount == 1 else { return false }

        try connection.execute(
            "DELETE FROM reminder_schedule WHERE task_id = $1 AND status IN ('pending', 'claimed')", [.text(taskID)],
            step: "clear pending reminders")
        let now = Date().millisecondsSince1970
        for entry in entries {
            // A delivered entry keeps its row: the same reminder is not scheduled twice.
            try connection.execute(
                """
                INSERT INTO reminder_schedule (id, user_id, task_id, task_version, title, due_at, fire_at, deliver_at, \
                status, attempts, updated_at, correlation_id) \
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', 0, $9, $10) \
                ON CONFLICT (id) DO NOTHING
                """,
                [
                    .text(entry.id), .text(entry.userID), .text(taskID), .integer(Int64(version)), .text(entry.title),
                    .integer(entry.dueAt?.millisecondsSince1970), .integer(entry.fireAt.millisecondsSince1970),
                    .integer(entry.deliverAt.millisecondsSince1970), .integer(now), .text(entry.correlationID),
                ], step: "schedule reminder")
        }
        return true
    }

    func claimDueReminders(now: Date, owner: String, leaseUntil: Date, limit: Int) throws -> [ScheduledReminder] {
        let result = try connection.execute(
            """
            UPDATE reminder_schedule SET status = 'claimed', claimed_by = $1, lease_until = $2, \
            attempts = attempts + 1, updated_at = $3 WHERE id IN (SELECT id FROM reminder_schedule \
            WHERE (status = 'pending' AND deliver_at <= $3) OR (status = 'claimed' AND lease_until <= $3) \
            ORDER BY deliver_at, id LIMIT $4 FOR UPDATE SKIP LOCKED) RETURNING \(ReminderColumns.names)
            """,
            [
                .text(owner), .integer(leaseUntil.millisecondsSince1970), .integer(now.millisecondsSince1970),
                .integer(Int64(limit)),
            ], step: "claim due reminders")
        return try ReminderColumns.reminders(from: result).sorted { ($0.deliverAt, $0.id) < ($1.deliverAt, $1.id) }
    }

    func finishReminder(id: String, owner: String, status: ScheduledReminder.Status) throws -> Bool {
        try connection.execute(
            """
            UPDATE reminder_schedule SET status = $3, claimed_by = NULL, lease_until = NULL, updated_at = $4 \
            WHERE id = $1 AND claimed_by = $2 AND status = 'claimed'
            """, [.text(id), .text(owner), .text(status.rawValue), .integer(Date().millisecondsSince1970)],
            step: "finish reminder"
        ).changedRows == 1
    }

    func deferReminder(id: String, owner: String, until: Date) throws -> Bool {
        try connection.execute(
            """
            UPDATE reminder_schedule SET status = 'pending', deliver_at = $3, claimed_by = NULL, lease_until = NULL, \
            updated_at = $4 WHERE id = $1 AND claimed_by = $2 AND status = 'claimed'
            """,
            [.text(id), .text(owner), .integer(until.millisecondsSince1970), .integer(Date().millisecondsSince1970)],
            step: "defer reminder"
        ).changedRows == 1
    }

    func reminderBacklog(now: Date, lateAfter: TimeInterval) throws -> ReminderBacklog {
        let lateBefore = now.addingTimeInterval(-lateAfter).millisecondsSince1970
        let result = try connection.execute(
            """
            SELECT COUNT(*), COALESCE(SUM(CASE WHEN deliver_at < $1 THEN 1 ELSE 0 END), 0) FROM reminder_schedule \
            WHERE status IN ('pending', 'claimed')
            """, [.integer(lateBefore)], step: "count reminders")
        return ReminderBacklog(pending: Int(try result.int64(0, 0)), late: Int(try result.int64(0, 1)))
    }

    func nextReminderWake() throws -> Date? {
        let result = try connection.execute(
            """
            SELECT MIN(CASE WHEN status = 'pending' THEN deliver_at ELSE lease_until END) FROM reminder_schedule \
            WHERE status IN ('pending', 'claimed')
            """, step: "next reminder")
        return try result.optionalInt64(0, 0).map(Date.init(millisecondsSince1970:))
    }
}
