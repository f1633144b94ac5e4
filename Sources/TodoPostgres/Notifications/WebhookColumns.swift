import Foundation
import TodoCore

/// The columns of `webhook_deliveries` in the order ``values(of:)`` and ``deliveries(from:)`` use.
enum WebhookColumns {
    static let names =
        "id, notification_id, user_id, url, body, status, attempts, next_attempt_at, last_status_code, last_error"

    static func values(of delivery: WebhookDelivery) -> [PostgresValue] {
        [
            .text(delivery.id), .text(delivery.notificationID), .text(delivery.userID), .text(delivery.url),
            .bytes(delivery.body), .text(delivery.status.rawValue), .integer(Int64(delivery.attempts)),
            .integer(delivery.nextAttemptAt.millisecondsSince1970), .integer(delivery.lastStatusCode.map(Int64.init)),
            .text(delivery.lastError),
        ]
    }

    static func deliveries(from result: PostgresResult) throws -> [WebhookDelivery] {
        try (0..<result.rowCount).map { row in
            WebhookDelivery(
                id: result.text(row, 0), notificationID: result.text(row, 1), userID: result.text(row, 2),
                url: result.text(row, 3), body: try result.bytes(row, 4),
                status: WebhookDelivery.Status(rawValue: result.text(row, 5)) ?? .failed,
                attempts: Int(try result.int64(row, 6)),
                nextAttemptAt: Date(millisecondsSince1970: try result.int64(row, 7)),
                lastError: result.optionalText(row, 9), lastStatusCode: try result.optionalInt64(row, 8).map { Int($0) }
            )
        }
    }
}
