import Foundation
import TodoCore

/// Delivered notifications, preferences and webhook deliveries (see ``NotificationWriter``).
extension PostgresTransaction {
    func insert(notification: UserNotification) throws {
        let inserted = try connection.execute(
            """
            INSERT INTO notifications (\(NotificationColumns.names)) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
            ON CONFLICT (reminder_id) DO NOTHING
            """, NotificationColumns.values(of: notification), step: "insert notification")
        guard inserted.changedRows == 1 else {
            throw AppError.conflict("The reminder was delivered already", code: "already_delivered")
        }
    }

    func notifications(userID: String, unreadOnly: Bool, limit: Int, before: String?) throws -> [UserNotification] {
        var sql = "SELECT \(NotificationColumns.names) FROM notifications WHERE user_id = $1"
        var values: [PostgresValue] = [.text(userID)]
        if unreadOnly { sql += " AND read_at IS NULL" }
        if let before {
            values.append(.text(before))
            sql += " AND id < $\(values.count)"
        }
        values.append(.integer(Int64(limit)))
        sql += " ORDER BY id DESC LIMIT $\(values.count)"
        return try NotificationColumns.notifications(
            from: try connection.execute(sql, values, step: "list notifications"))
    }

    func notification(id: String, userID: String) throws -> UserNotification? {
        try NotificationColumns.notifications(
            from: try connection.execute(
                "SELECT \(NotificationColumns.names) FROM notifications WHERE id = $1 AND user_id = $2" + lockClause,
                [.text(id), .text(userID)], step: "load notification")
        ).first
    }

    func markNotificationRead(id: String, userID: String, at: Date) throws -> Bool {
        // The first read time stays.
        try connection.execute(
            "UPDATE notifications SET read_at = COALESCE(read_at, $3) WHERE id = $1 AND user_id = $2",
            [.text(id), .text(userID), .integer(at.millisecondsSince1970)], step: "mark notification read"
        ).changedRows == 1
    }

    func notificationPreferences(userID: String) throws -> NotificationPreferences? {
        let result = try connection.execute(
            """
            SELECT user_id, webhook_enabled, webhook_url, webhook_secret, quiet_policy \
            FROM notification_preferences WHERE user_id = $1
            """ + lockClause, [.text(userID)], step: "load notification preferences")
        guard result.rowCount == 1 else { return nil }
        return NotificationPreferences(
            userID: result.text(0, 0), webhookEnabled: result.bool(0, 1), webhookURL: result.optionalText(0, 2),
            webhookSecret: result.optionalText(0, 3),
            quietPolicy: NotificationPreferences.QuietPolicy(rawValue: result.text(0, 4)) ?? .deliverAtEnd)
    }

    func save(preferences: NotificationPreferences) throws {
        try connection.execute(
            """
            INSERT INTO notification_preferences (user_id, webhook_enabled, webhook_url, webhook_secret, \
            quiet_policy) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (user_id) DO UPDATE SET \
            webhook_enabled = $2, webhook_url = $3, webhook_secret = $4, quiet_policy = $5
            """,
            [
                .text(preferences.userID), .boolean(preferences.webhookEnabled), .text(preferences.webhookURL),
                .text(preferences.webhookSecret), .text(preferences.quietPolicy.rawValue),
            ], step: "save notification preferences")
    }

    func insert(webhookDelivery delivery: WebhookDelivery) throws {
        try connection.execute(
            """
            INSERT INTO webhook_deliveries (\(WebhookColumns.names)) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            """, WebhookColumns.values(of: delivery), step: "insert webhook delivery")
    }

    /// Takes due deliveries no other transaction holds (`FOR UPDATE SKIP LOCKED`), so two
    /// instances never send the same one.
    func claimDueWebhookDeliveries(now: Date, leaseUntil: Date, limit: Int) throws -> [WebhookDelivery] {
        try WebhookColumns.deliveries(
            from: try connection.execute(
                """
                UPDATE webhook_deliveries SET next_attempt_at = $1 WHERE id IN (SELECT id FROM webhook_deliveries \
                WHERE status = 'pending' AND next_attempt_at <= $2 ORDER BY next_attempt_at, id LIMIT $3 \
                FOR UPDATE SKIP LOCKED) RETURNING \(WebhookColumns.names)
                """,
                [
                    .integer(leaseUntil.millisecondsSince1970), .integer(now.millisecondsSince1970),
                    .integer(Int64(limit)),
                ], step: "claim webhook deliveries"))
    }

    func recordWebhookAttempt(_ delivery: WebhookDelivery, statusCode: Int?, error: String?, at: Date) throws {
        try connection.execute(
            """
            INSERT INTO webhook_attempts (delivery_id, attempt, attempted_at, status_code, error) \
            VALUES ($1, $2, $3, $4, $5) ON CONFLICT (delivery_id, attempt) DO NOTHING
            """,
            [
                .text(delivery.id), .integer(Int64(delivery.attempts)), .integer(at.millisecondsSince1970),
                .integer(statusCode.map(Int64.init)), .text(error),
            ], step: "record webhook attempt")
        try connection.execute(
            """
            UPDATE webhook_deliveries SET status = $2, attempts = $3, next_attempt_at = $4, last_status_code = $5, \
            last_error = $6 WHERE id = $1
            """,
            [
                .text(delivery.id), .text(delivery.status.rawValue), .integer(Int64(delivery.attempts)),
                .integer(delivery.nextAttemptAt.millisecondsSince1970), .integer(statusCode.map(Int64.init)),
                .text(error),
            ], step: "update webhook delivery")
    }

    func webhookDeliveries(notificationID: String) throws -> [WebhookDelivery] {
        try WebhookColumns.deliveries(
            from: try connection.execute(
                "SELECT \(WebhookColumns.names) FROM webhook_deliveries WHERE notification_id = $1 ORDER BY id",
                [.text(notificationID)], step: "list webhook deliveries"))
    }
}
