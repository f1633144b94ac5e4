import Foundation

/// The notification service's timing rules, from configuration.
public struct NotificationPolicy: Sendable, Equatable {
    /// A reminder found more than this long after its time is recorded as missed, not sent.
    public var missedAfter: TimeInterval
    /// A reminder delivered more than this long after its time is marked late.
    public var lateAfter: TimeInterval
    /// How long a claim on a reminder lasts; a crash mid-delivery is retried once it runs out.
    public var lease: TimeInterval
    /// Webhook attempts before a delivery is recorded as failed; waits double from `webhookBackoff`.
    public var webhookAttempts: Int
    public var webhookBackoff: TimeInterval
    public var webhookTimeout: TimeInterval

    public init(
        missedAfter: TimeInterval = 86_400, lateAfter: TimeInterval = 60, lease: TimeInterval = 30,
        webhookAttempts: Int = 6, webhookBackoff: TimeInterval = 2, webhookTimeout: TimeInterval = 10
    ) {
        self.missedAfter = missedAfter
        self.lateAfter = lateAfter
        self.lease = lease
        self.webhookAttempts = max(1, webhookAttempts)
        self.webhookBackoff = webhookBackoff
        self.webhookTimeout = webhookTimeout
    }
}
