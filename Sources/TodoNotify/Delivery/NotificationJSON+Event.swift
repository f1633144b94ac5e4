import Foundation
import TodoCore

extension NotificationJSON {
    /// The `notifications` topic message: a CloudEvent keyed by the user, with the notification as
    /// `data.notification` and the correlation id of the change that scheduled the reminder.
    static func event(
        _ notification: UserNotification, body: [UInt8], id: String, correlationID: String?
    ) -> OutgoingMessage {
        var data = JSONWriter(capacity: body.count + 160)
        data.beginObject()
        data.key("user_id")
        data.string(notification.userID)
        data.key("task_id")
        data.string(notification.taskID)
        data.key("notification")
        data.raw(body)
        data.endObject()

        let value = CloudEvent.encode(
            id: id, source: "/notification", type: NotificationEventType.delivered.rawValue,
            subject: "tasks/\(notification.taskID)", time: notification.deliveredAt, correlationID: correlationID,
            data: data.bytes)
        var headers = [MessageHeader(name: "content-type", value: CloudEvent.contentType)]
        if let correlationID { headers.append(MessageHeader(name: "correlation-id", value: correlationID)) }
        return OutgoingMessage(
            topic: EventTopics.notifications, key: notification.userID, headers: headers, value: value)
    }
}
