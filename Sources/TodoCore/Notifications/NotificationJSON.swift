import Foundation

/// The JSON of a notification: in `GET /api/notifications`, in webhook bodies, and as the `data`
/// of the in-app `notifications` event.
public enum NotificationJSON {
    public static func write(_ notification: UserNotification, to json: inout JSONWriter) {
        json.beginObject()
        json.key("id")
        json.string(notification.id)
        json.key("user_id")
        json.string(notification.userID)
        json.key("task_id")
        json.string(notification.taskID)
        json.key("title")
        json.string(notification.title)
        json.key("due_at")
        json.string(notification.dueAt.map { RFC3339.format($0) })
        json.key("fire_at")
        json.string(RFC3339.format(notification.fireAt))
        json.key("delivered_at")
        json.string(RFC3339.format(notification.deliveredAt))
        json.key("late")
        json.bool(notification.late)
        json.key("read")
        json.bool(notification.readAt != nil)
        json.key("read_at")
        json.string(notification.readAt.map { RFC3339.format($0) })
        json.endObject()
    }

    public static func encode(_ notification: UserNotification) -> [UInt8] {
        var json = JSONWriter(capacity: 384)
        write(notification, to: &json)
        return json.bytes
    }
}
