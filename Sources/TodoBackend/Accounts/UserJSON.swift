import Foundation
import TodoCore

/// The JSON shape of the signed-in user.
enum UserJSON {
    static func write(_ user: User, to json: inout JSONWriter) {
        json.beginObject()
        json.key("id")
        json.string(user.id)
        json.key("email")
        json.string(user.email)
        json.key("name")
        json.string(user.name)
        json.key("timezone")
        json.string(user.timeZoneID)
        json.key("quiet_hours_start")
        json.string(user.quietHours?.start.description)
        json.key("quiet_hours_end")
        json.string(user.quietHours?.end.description)
        json.key("notification_channels")
        json.beginArray()
        for channel in user.notificationChannels { json.string(channel.rawValue) }
        json.endArray()
        json.key("created_at")
        json.string(RFC3339.format(user.createdAt))
        json.key("updated_at")
        json.string(RFC3339.format(user.updatedAt))
        json.endObject()
    }
}
