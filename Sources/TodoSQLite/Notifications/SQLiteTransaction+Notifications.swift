import Foundation
import TodoCore

/// Delivered notifications, preferences and webhook deliveries (see ``NotificationWriter``).
extension SQLiteTransaction {
    func insert(notification: UserNotification) throws {
        let inserted = try connection.execute(
            """
            INSERT INTO notifications (id, user_id, task_id, reminder_id, title, due_at, fire_at, delivered_at, late, \
            read_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (reminder_id) DO NOTHING
            """,
            [
                .text(notification.id), .text(notification.userID), .text(notification.taskID),
                .text(notification.reminderID), .text(notification.title),
                .integer(notification.dueAt?.millisecondsSince1970),
                .integer(notification.fireAt.millisecondsSince1970),
                .integer(notification.deliveredAt.millisecondsSince1970), .integer(notification.late ? 1 : 0),
                .integer(notification.readAt?.millisecondsSince1970),
            ], step: "insert notification")
        guard inserted == 1 else {
            throw AppError.conflict("The reminder was delivered already", code: "already_delivered")
        }
    }

    func notifications(userID: String, unreadOnly: Bool, limit: Int, before: String?) throws -> [UserNotification] {
        var sql = "SELECT \(NotificationColumns.names) FROM notifications WHERE user_id = ?"
        var values: [SQLiteValue] = [.text(userID)]
        if unreadOnly { sql += " AND read_at IS NULL" }
        if let before {
            sql += " AND id < ?"
            values.append(.text(before))
        }
        sql += " ORDER BY id DESC LIMIT ?"
        values.append(.integer(Int64(limit)))
        return try connection.query(sql, values, step: "list notifications", NotificationColumns.notification(from:))
    }

    func notification(id: String, userID: String) throws -> UserNotification? {
        try connection.query(
            "SELECT \(NotificationColumns.names) FROM notifications WHERE id = ? AND user_id = ?",
            [.text(id), .text(userID)], step: "load notification", NotificationColumns.notification(from:)
        ).first
    }

    func markNotificationRead(id: String, userID: String, at: Date) throws -> Bool {
        let found = try connection.query(
            "SELECT read_at FROM notifications WHERE id = ? AND user_id = ?", [.text(id), .text(userID)],
            step: "find notification"
        ) { $0.optionalInt64(0) }
        guard let readAt = found.first else { return false }
        guard readAt == nil else { return true }

        try connection.execute(
            "UPDATE notifications SET read_at = ? WHERE id = ? AND user_id = ?",
            [.integer(at.millisecondsSince1970), .text(id), .text(userID)], step: "mark notification read")
        return true
    }

    func notificationPreferences(userID: String) throws -> NotificationPreferences? {
        try connection.query(
            """
            SELECT user_id, webhook_enabled, webhook_url, webhook_secret, quiet_policy \
            FROM notification_preferences WHERE user_id = ?
            """, [.text(userID)], step: "load notification preferences"
        ) { row in
            NotificationPreferences(
                userID: row.text(0), webhookEnabled: row.int64(1) != 0, webhookURL: row.optionalText(2),
                webhookSecret: row.optionalText(3),
                quietPolicy: NotificationPreferences.QuietPolicy(rawValue: row.text(4)) ?? .deliverAtEnd)
        }.first
    }

    func save(preferences: NotificationPreferences) throws {
        try connection.execute(
            """
            INSERT INTO notification_preferences (user_id, webhook_enabled, webhook_url, webhook_secret, \
            quiet_policy) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (user_id) DO UPDATE SET \
            webhook_enabled = ?2, webhook_url = ?3, webhook_secret = ?4, quiet_policy = ?5
            """,
            [
                .text(preferences.userID), .integer(preferences.webhookEnabled ? 1 : 0), .text(preferences.webhookURL),
                .text(preferences.webhookSecret), .text(preferences.quietPolicy.rawValue),
            ], step: "save notification preferences")
    }

    func insert(webhookDelivery delivery: WebhookDelivery) throws {
        try connection.execute(
            """
            INSERT INTO webhook_deliveries (id, notification_id, user_id, url, body, status, attempts, \
            next_attempt_at, last_status_code, last_error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, WebhookColumns.values(of: delivery), step: "insert webhook delivery")
    }

    func claimDueWebhookDeliveries(now: Date, leaseUntil: Date, limit: Int) throws -> [WebhookDelivery] {
        try connection.query(
            """
            UPDATE webhook_deliveries SET next_attempt_at = ?1 WHERE id IN (SELECT id FROM webhook_deliveries \
            WHERE status = 'pending' AND next_attempt_at <= ?2 ORDER BY next_attempt_at LIMIT ?3) \
            RETURNING \(WebhookColumns.names)
            """,
            [.integer(leaseUntil.millisecondsSince1970), .integer(now.millisecondsSince1970), .integer(Int64(limit))],
            step: "claim webhook deliveries", WebhookColumns.delivery(from:))
    }

    func recordWebhookAttempt(_ delivery: WebhookDelivery, statusCode: Int?, error: String?, at: Date) throws {
        try connection.execute(
            """
            INSERT INTO webhook_attempts (delivery_id, attempt, attempted_at, status_code, error) \
            VALUES (?, ?, ?, ?, ?) ON CONFLICT (delivery_id, attempt) DO NOTHING
            """,
            [
                .text(delivery.id), .integer(Int64(delivery.attempts)), .integer(at.millisecondsSince1970),
                .integer(statusCode.map(Int64.init)), .text(error),
            ], step: "record webhook attempt")
        try connection.execute(
            """
            UPDATE webhook_deliveries SET status = ?2, attempts = ?3, next_attempt_at = ?4, last_status_code = ?5, \
            last_error = ?6 WHERE id = ?1
            """,
            [
                .text(delivery.id), .text(delivery.status.rawValue), .integer(Int64(delivery.attempts)),
                .integer(delivery.nextAttemptAt.millisecondsSince1970), .integer(statusCode.map(Int64.init)),
                .text(error),
            ], step: "update webhook delivery")
    }

    func webhookDeliveries(notificationID: String) throws -> [WebhookDelivery] {
        try connection.query(
            "SELECT \(WebhookColumns.names) FROM webhook_deliveries WHERE notification_id = ? ORDER BY id",
            [.text(notificationID)], step: "list webhook deliveries", WebhookColumns.delivery(from:))
    }
}

enum NotificationColumns {
    static let names = "id, user_id, task_id, reminder_id, title, due_at, fire_at, delivered_at, late, read_at"

    static func notification(from row: SQLiteStatement) -> UserNotification {
        UserNotification(
            id: row.text(0), userID: row.text(1), taskID: row.text(2), reminderID: row.text(3), title: row.text(4),
            dueAt: row.optionalInt64(5).map(Date.init(millisecondsSince1970:)),
            fireAt: Date(millisecondsSince1970: row.int64(6)), deliveredAt: Date(millisecondsSince1970: row.int64(7)),
            late: row.int64(8) != 0, readAt: row.optionalInt64(9).map(Date.init(millisecondsSince1970:)))
    }
}

enum WebhookColumns {
    static let names =
        "id, notification_id, user_id, url, body, status, attempts, next_attempt_at, last_status_code, last_error"

    static func values(of delivery: WebhookDelivery) -> [SQLiteValue] {
        [
            .text(delivery.id), .text(delivery.notificationID), .text(delivery.userID), .text(delivery.url),
            .blob(delivery.body), .text(delivery.status.rawValue), .integer(Int64(delivery.attempts)),
            .integer(delivery.nextAttemptAt.millisecondsSince1970), .integer(delivery.lastStatusCode.map(Int64.init)),
            .text(delivery.lastError),
        ]
    }

    static func delivery(from row: SQLiteStatement) -> WebhookDelivery {
        WebhookDelivery(
            id: row.text(0), notificationID: row.text(1), userID: row.text(2), url: row.text(3), body: row.blob(4),
            status: WebhookDelivery.Status(rawValue: row.text(5)) ?? .failed, attempts: Int(row.int64(6)),
            nextAttemptAt: Date(millisecondsSince1970: row.int64(7)),
            lastError: row.optionalText(9), lastStatusCode: row.optionalInt64(8).map { Int($0) })
    }
}
