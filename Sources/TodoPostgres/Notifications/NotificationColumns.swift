import Foundation
import TodoCore

/// The columns of `notifications` in the order ``notifications(from:)`` reads them.
enum NotificationColumns {
    static let names = "id, user_id, task_id, reminder_id, title, due_at, fire_at, delivered_at, late, read_at"

    static func values(of notification: UserNotification) -> [PostgresValue] {
        [
            .text(notification.id), .text(notification.userID), .text(notification.taskID),
            .text(notification.reminderID), .text(notification.title),
            .integer(notification.dueAt?.millisecondsSince1970), .integer(notification.fireAt.millisecondsSince1970),
            .integer(notification.deliveredAt.millisecondsSince1970), .boolean(notification.late),
            .integer(notification.readAt?.millisecondsSince1970),
        ]
    }

    static func notifications(from result: PostgresResult) throws -> [UserNotification] {
        try (0..<result.rowCount).map { row in
            UserNotification(
                id: result.text(row, 0), userID: result.text(row, 1), taskID: result.text(row, 2),
                reminderID: result.text(row, 3), title: result.text(row, 4),
                dueAt: try result.optionalInt64(row, 5).map(Date.init(millisecondsSince1970:)),
                fireAt: Date(millisecondsSince1970: try result.int64(row, 6)),
                deliveredAt: Date(millisecondsSince1970: try result.int64(row, 7)), late: result.bool(row, 8),
                readAt: try result.optionalInt64(row, 9).map(Date.init(millisecondsSince1970:)))
        }
    }
}
