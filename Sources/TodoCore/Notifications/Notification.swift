import Foundation

/// A delivered reminder, as the user sees it in `GET /api/notifications`.
public struct UserNotification: Sendable, Equatable {
    public var id: String
    public var userID: String
    public var taskID: String
    /// The schedule entry it came from; unique, so a reminder is delivered at most once.
    public var reminderID: String
    public var title: String
    public var dueAt: Date?
    public var fireAt: Date
    public var deliveredAt: Date
    /// Delivered noticeably after `fireAt` (the service was down, or quiet hours held it).
    public var late: Bool
    public var readAt: Date?

    public init(
        id: String, userID: String, taskID: String, reminderID: String, title: String, dueAt: Date?, fireAt: Date,
        deliveredAt: Date, late: Bool, readAt: Date? = nil
    ) {
        self.id = id
        self.userID = userID
        self.taskID = taskID
        self.reminderID = reminderID
        self.title = title
        self.dueAt = dueAt
        self.fireAt = fireAt
        self.deliveredAt = deliveredAt
        self.late = late
        self.readAt = readAt
    }
}

/// A user's notification settings beyond the account's quiet hours and channels (in-app is the
/// `in_app` channel of ``User/notificationChannels``).
public struct NotificationPreferences: Sendable, Equatable {
    /// What happens to a reminder due inside quiet hours.
    public enum QuietPolicy: String, Sendable, CaseIterable {
        /// Delivered when the window ends.
        case deliverAtEnd = "deliver_at_end"
        /// Recorded as dropped, never delivered.
        case drop
    }

    public var userID: String
    public var webhookEnabled: Bool
    public var webhookURL: String?
    /// The HMAC-SHA256 key of webhook signatures; never shown back in full.
    public var webhookSecret: String?
    public var quietPolicy: QuietPolicy

    public init(
        userID: String, webhookEnabled: Bool = false, webhookURL: String? = nil,
        webhookSecret: String? = nil, quietPolicy: QuietPolicy = .deliverAtEnd
    ) {
        self.userID = userID
        self.webhookEnabled = webhookEnabled
        self.webhookURL = webhookURL
        self.webhookSecret = webhookSecret
        self.quietPolicy = quietPolicy
    }
}

/// One webhook POST to make for a notification, retried with backoff until it succeeds or runs
/// out of attempts; every attempt is recorded.
public struct WebhookDelivery: Sendable, Equatable {
    public enum Status: String, Sendable {
        case pending
        case delivered
        case failed
    }

    public var id: String
    public var notificationID: String
    public var userID: String
    public var url: String
    public var body: [UInt8]
    public var status: Status
    public var attempts: Int
    public var nextAttemptAt: Date
    public var lastError: String?
    public var lastStatusCode: Int?

    public init(
        id: String, notificationID: String, userID: String, url: String, body: [UInt8], status: Status = .pending,
        attempts: Int = 0, nextAttemptAt: Date, lastError: String? = nil, lastStatusCode: Int? = nil
    ) {
        self.id = id
        self.notificationID = notificationID
        self.userID = userID
        self.url = url
        self.body = body
        self.status = status
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
        self.lastStatusCode = lastStatusCode
    }
}
