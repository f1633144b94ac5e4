import Foundation
import TodoCore
import TodoHTTP

/// `/api/notifications` (the reminders delivered to the signed-in user) and
/// `/api/me/notifications` (how they want to be notified).
struct NotificationRoutes {
    let store: any Store
    let clock: any TimeSource
    let auth: Authenticator

    static let defaultLimit = 50
    static let maximumLimit = 200

    func register(on router: inout Router) {
        router.get(
            "/api/notifications",
            auth.require { request, user in
                let unread = try Self.flag(request.query("unread"), name: "unread")
                let limit = try Self.limit(request.query("limit"))
                let cursor = request.query("cursor")
                let page = try store.read { reader in
                    try reader.notifications(userID: user.id, unreadOnly: unread, limit: limit + 1, before: cursor)
                }
                return Self.pageResponse(page, limit: limit)
            })

        router.post(
            "/api/notifications/{id}/read",
            auth.require { request, user in
                let id = request.pathParameters["id"] ?? ""
                let now = clock.now
                let notification = try store.write { transaction -> UserNotification? in
                    guard try transaction.markNotificationRead(id: id, userID: user.id, at: now) else { return nil }
                    return try transaction.notification(id: id, userID: user.id)
                }
                guard let notification else {
                    throw AppError.notFound("Notification", code: "notification_not_found")
                }
                return .json(status: 200, NotificationJSON.encode(notification))
            })

        router.get(
            "/api/me/notifications",
            auth.require { _, user in
                let preferences = try store.read { try $0.notificationPreferences(userID: user.id) }
                return Self.preferencesResponse(user, preferences ?? NotificationPreferences(userID: user.id))
            })

        router.put(
            "/api/me/notifications",
            auth.require { request, user in
                let existing = try store.read { try $0.notificationPreferences(userID: user.id) }
                let input = try NotificationPreferencesInput.parse(
                    try request.jsonBody(), current: existing ?? NotificationPreferences(userID: user.id))
                var updated = user
                input.apply(to: &updated)
                updated.updatedAt = clock.now
                try store.write { transaction in
                    try transaction.update(user: updated)
                    try transaction.save(preferences: input.preferences)
                }
                return Self.preferencesResponse(updated, input.preferences)
            })
    }

    static func pageResponse(_ page: [UserNotification], limit: Int) -> HTTPResponse {
        var json = JSONWriter(capacity: 384 * max(1, page.count))
        json.beginObject()
        json.key("notifications")
        json.beginArray()
        for notification in page.prefix(limit) { NotificationJSON.write(notification, to: &json) }
        json.endArray()
        json.key("next_cursor")
        json.string(page.count > limit ? page[limit - 1].id : nil)
        json.endObject()
        return .json(status: 200, json.bytes)
    }

    static func preferencesResponse(_ user: User, _ preferences: NotificationPreferences) -> HTTPResponse {
        .json(
            status: 200,
            .object([
                "in_app": .bool(user.notificationChannels.contains(.inApp)),
                "browser": .bool(user.notificationChannels.contains(.browser)),
                "webhook": .object([
                    "enabled": .bool(preferences.webhookEnabled),
                    "url": preferences.webhookURL.map(JSONValue.string) ?? .null,
                    "secret_set": .bool(!(preferences.webhookSecret ?? "").isEmpty),
                ]),
                "quiet_hours_start": user.quietHours.map { .string($0.start.description) } ?? .null,
                "quiet_hours_end": user.quietHours.map { .string($0.end.description) } ?? .null,
                "quiet_policy": .string(preferences.quietPolicy.rawValue),
                "timezone": .string(user.timeZoneID),
            ]))
    }

    private static func flag(_ text: String?, name: String) throws -> Bool {
        switch text {
        case nil, "false", "0": return false
        case "true", "1": return true
        default:
            var problems = ValidationErrors()
            problems.add(name, code: "invalid_value", "\(name) must be true or false")
            throw problems.asError()
        }
    }

    private static func limit(_ text: String?) throws -> Int {
        guard let text else { return defaultLimit }
        guard let limit = Int(text), (1...maximumLimit).contains(limit) else {
            var problems = ValidationErrors()
            problems.add("limit", code: "out_of_range", "limit must be between 1 and \(maximumLimit)")
            throw problems.asError()
        }
        return limit
    }
}
