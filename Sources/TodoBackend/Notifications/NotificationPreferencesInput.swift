import Foundation
import TodoCore

/// A validated `PUT /api/me/notifications`: the whole set of preferences. `webhook.secret` may be
/// left out to keep the current one; quiet hours and channels are the account's own fields.
struct NotificationPreferencesInput {
    var preferences: NotificationPreferences
    var channels: [NotificationChannel]
    var quietHours: QuietHours?

    static let minimumSecretLength = 16
    static let maximumURLLength = 2000

    static func parse(_ json: JSONValue, current: NotificationPreferences) throws(AppError) -> Self {
        let object = try ValidationErrors.object(json)
        var problems = ValidationErrors()
        let known: Set<String> = [
            "in_app", "browser", "webhook", "quiet_hours_start", "quiet_hours_end", "quiet_policy", "timezone",
        ]
        problems.addUnknownFields(of: object, known: known)

        var channels: [NotificationChannel] = []
        for (field, channel) in [("in_app", NotificationChannel.inApp), ("browser", .browser)] {
            switch object[field] {
            case .bool(true)?: channels.append(channel)
            case .bool(false)?, nil: break
            default: problems.add(field, code: "invalid_type", "\(field) must be true or false")
            }
        }

        var preferences = current
        if let text = object["quiet_policy"] {
            if let policy = text.stringValue.flatMap(NotificationPreferences.QuietPolicy.init(rawValue:)) {
                preferences.quietPolicy = policy
            } else {
                problems.add("quiet_policy", code: "invalid_value", "quiet_policy is deliver_at_end or drop")
            }
        }
        parseWebhook(object["webhook"], into: &preferences, problems: &problems)
        let quiet = ProfileChanges.parseQuietHours(object, into: &problems)

        try problems.throwIfAny()
        return Self(preferences: preferences, channels: channels, quietHours: quiet ?? nil)
    }

    func apply(to user: inout User) {
        user.notificationChannels = channels
        user.quietHours = quietHours
    }

    private static func parseWebhook(
        _ value: JSONValue?, into preferences: inout NotificationPreferences, problems: inout ValidationErrors
    ) {
        guard let value, !value.isNull else {
            preferences.webhookEnabled = false
            return
        }
        guard let webhook = value.objectValue else {
            problems.add("webhook", code: "invalid_type", "webhook must be an object or null")
            return
        }
        problems.addUnknownFields(of: webhook, known: ["enabled", "url", "secret"], prefix: "webhook.")

        preferences.webhookEnabled = webhook["enabled"]?.boolValue ?? false
        if let url = webhook["url"] {
            if url.isNull {
                preferences.webhookURL = nil
            } else if let text = url.stringValue, isWebhookURL(text) {
                preferences.webhookURL = text
            } else {
                problems.add(
                    "webhook.url", code: "invalid_url",
                    "webhook.url must be an absolute http or https URL of at most \(maximumURLLength) characters")
            }
        }
        if let secret = webhook["secret"] {
            if let text = secret.stringValue, text.utf8.count >= minimumSecretLength {
                preferences.webhookSecret = text
            } else {
                problems.add(
                    "webhook.secret", code: "too_short",
                    "webhook.secret must be a string of at least \(minimumSecretLength) bytes")
            }
        }
        if preferences.webhookEnabled && (preferences.webhookURL == nil || (preferences.webhookSecret ?? "").isEmpty) {
            problems.add("webhook", code: "incomplete", "An enabled webhook needs a url and a secret")
        }
    }

    private static func isWebhookURL(_ text: String) -> Bool {
        guard text.count <= maximumURLLength, let url = URL(string: text), let scheme = url.scheme?.lowercased(),
            ["http", "https"].contains(scheme), url.host?.isEmpty == false
        else { return false }
        return true
    }
}
