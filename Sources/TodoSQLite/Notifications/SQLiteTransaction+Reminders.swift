import Foundation
import TodoCore

/// The reminder schedule (see ``NotificationWriter``). One writer at a time on SQLite, so a claim
/// is a plain update inside the write transaction.
extension SQLiteTransaction {
    func replaceReminders(taskID: String, version: Int, with entries: [ScheduledReminder]) throws -> Bool {
        let applied = try connection.query(
            "SELECT version FROM reminder_tasks WHERE task_id = ?", [.text(taskID)], step: "load reminder version"
        ) { Int($0.int64(0)) }.first
        if let applied, applied > version { return false }

        try connection.execute(
            """
            INSERT INTO reminder_tasks (task_id, version) VALUES (?1, ?2) \
            ON CONFLICT (task_id) DO UPDATE SET version = ?2
            """, [.text(taskID), .integer(Int64(version))], step: "record reminder version")
        try connection.execute(
            "DELETE FROM reminder_schedule WHERE task_id = ? AND status IN ('pending', 'claimed')", [.text(taskID)],
            step: "clear pending reminders")
        for entry in entries {
            // A delivered entry keeps its row: the same reminder is not scheduled twice.
            try connection.execute(
                """
                INSERT INTO reminder_schedule (id, user_id, task_id, task_version, title, due_at, fire_at, deliver_at, \
                status, attempts, updated_at, correlation_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?) \
                ON CONFLICT (id) DO NOTHING
                """,
                [
                    .text(entry.id), .text(entry.userID), .text(taskID), .integer(Int64(version)), .text(entry.title),
                    .integer(entry.dueAt?.millisecondsSince1970), .integer(entry.fireAt.millisecondsSince1970),
                    .integer(entry.deliverAt.millisecondsSince1970), .integer(Date().millisecondsSince1970),
                    .text(entry.correlationID),
                ], step: "schedule reminder")
        }
        return true
    }

    func claimDueReminders(now: Date, owner: String, leaseUntil: Date, limit: Int) throws -> [ScheduledReminder] {
        let nowMillis = Int64(now.millisecondsSince1970)
        return try connection.query(
            """
            UPDATE reminder_schedule SET status = 'claimed', claimed_by = ?1, lease_until = ?2, \
            attempts = attempts + 1, updated_at = ?3 WHERE id IN (SELECT id FROM reminder_schedule \
            WHERE (status = 'pending' AND deliver_at <= ?3) OR (status = 'claimed' AND lease_until <= ?3) \
            ORDER BY deliver_at LIMIT ?4) RETURNING \(ReminderColumns.names)
            """,
            [.text(owner), .integer(leaseUntil.millisecondsSince1970), .integer(nowMillis), .integer(Int64(limit))],
            step: "claim due reminders", ReminderColumns.reminder(from:)
        ).sorted { ($0.deliverAt, $0.id) < ($1.deliverAt, $1.id) }
    }

    func finishReminder(id: String, owner: String, status: ScheduledReminder.Status) throws -> Bool {
        try connection.execute(
            """
            UPDATE reminder_schedule SET status = ?3, claimed_by = NULL, lease_until = NULL, updated_at = ?4 \
            WHERE id = ?1 AND claimed_by = ?2 AND status = 'claimed'
            """, [.text(id), .text(owner), .text(status.rawValue), .integer(Date().millisecondsSince1970)],
            step: "finish reminder") == 1
    }

    func deferReminder(id: String, owner: String, until: Date) throws -> Bool {
        try connection.execute(
            """
            UPDATE reminder_schedule SET status = 'pending', deliver_at = ?3, claimed_by = NULL, lease_until = NULL, \
            updated_at = ?4 WHERE id = ?1 AND claimed_by = ?2 AND status = 'claimed'
            """,
            [.text(id), .text(owner), .integer(until.millisecondsSince1970), .integer(Date().millisecondsSince1970)],
            step: "defer reminder") == 1
    }

    func reminderBacklog(now: Date, lateAfter: TimeInterval) throws -> ReminderBacklog {
        let lateBefore = now.addingTimeInterval(-lateAfter).millisecondsSince1970
        let row = try connection.query(
            """
            SELECT COUNT(*), COALESCE(SUM(CASE WHEN deliver_at < ? THEN 1 ELSE 0 END), 0) FROM reminder_schedule \
            WHERE status IN ('pending', 'claimed')
            """, [.integer(lateBefore)], step: "count reminders"
        ) { ReminderBacklog(pending: Int($0.int64(0)), late: Int($0.int64(1))) }
        return row.first ?? ReminderBacklog(pending: 0, late: 0)
    }

    func nextReminderWake() throws -> Date? {
        try connection.query(
            """
            SELECT MIN(CASE WHEN status = 'pending' THEN deliver_at ELSE lease_until END) FROM reminder_schedule \
            WHERE status IN ('pending', 'claimed')
            """, step: "next reminder"
        ) { $0.optionalInt64(0).map(Date.init(millisecondsSince1970:)) }.first ?? nil
    }
}

/// The columns of `reminder_schedule` in the order ``reminder(from:)`` reads them.
enum ReminderColumns {
    static let names =
        "id, user_id, task_id, task_version, title, due_at, fire_at, deliver_at, status, attempts, correlation_id"

    static func reminder(from row: SQLiteStatement) throws -> ScheduledReminder {
        guard let status = ScheduledReminder.Status(rawValue: row.text(8)) else {
            throw AppError.internal("read reminder: unknown status '\(row.text(8))'")
        }
        return ScheduledReminder(
            id: row.text(0), userID: row.text(1), taskID: row.text(2), taskVersion: Int(row.int64(3)),
            title: row.text(4), dueAt: row.optionalInt64(5).map(Date.init(millisecondsSince1970:)),
            fireAt: Date(millisecondsSince1970: row.int64(6)), deliverAt: Date(millisecondsSince1970: row.int64(7)),
            status: status, attempts: Int(row.int64(9)), correlationID: row.optionalText(10))
    }
}
